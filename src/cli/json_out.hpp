// json_out.hpp - tiny JSON writer for the command-line runner (numbers printed round-trip exact).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace neurodrive::cli {
std::string json_string(std::string_view s);
std::string json_number(double v);
std::string json_array(const std::vector<double>& values);
}  // namespace neurodrive::cli
