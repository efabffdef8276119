// main.cpp - neurodrive-cli: runs the drive model headless (steady states, time series, classic
// experiments). Links only the model library. Bad arguments: one line on stderr, exit status 2.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "json_out.hpp"
#include "neurodrive/experiments.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/presets.hpp"

namespace nm = neurodrive::model;
using neurodrive::cli::json_array;
using neurodrive::cli::json_number;
using neurodrive::cli::json_string;

namespace {

constexpr int kUsageError = 2;

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "neurodrive-cli: %s\n", msg.c_str());
    return kUsageError;
}

void print_usage(std::FILE* f) {
    std::fputs(
        "usage:\n"
        "  neurodrive-cli run [--set NAME=VALUE]... [--preset NAME] [--duration SECONDS] [--seed N] [--csv FILE]\n"
        "  neurodrive-cli experiment NAME [--set NAME=VALUE]... [--preset NAME] [--param KEY=VALUE]... [--seed N]\n"
        "  neurodrive-cli list\n"
        "  neurodrive-cli help\n", f);
}

// Strict number: the whole text must be a finite decimal number.
bool parse_number(const std::string& text, double* out) {
    if (text.empty() || text.size() > 64) return false;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) return false;
    for (char c : text) if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
    *out = v;
    return true;
}

bool split_assignment(const std::string& arg, std::string* key, std::string* value) {
    const auto eq = arg.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    *key = arg.substr(0, eq);
    *value = arg.substr(eq + 1);
    return true;
}

std::string allowed_inputs() {
    int n = 0;
    const nm::InputSpec* specs = nm::input_specs(&n);
    std::string s;
    for (int i = 0; i < n; ++i) s += (i ? ", " : "") + std::string(specs[i].name);
    return s;
}

std::string allowed_presets() {
    std::string s;
    for (const auto& p : nm::builtin_presets().presets) s += (s.empty() ? "" : ", ") + p.id;
    return s;
}

std::string inputs_json(const nm::Inputs& in) {
    int n = 0;
    const nm::InputSpec* specs = nm::input_specs(&n);
    std::string s = "{";
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + json_string(specs[i].name) + ":" + json_number(in.*(specs[i].field));
    return s + "}";
}

std::string outputs_json(const nm::Outputs& o) {
    int n = 0;
    const nm::OutputSpec* specs = nm::output_specs(&n);
    std::string s = "{";
    for (int i = 0; i < n; ++i) s += (i ? "," : "") + json_string(specs[i].name) + ":" + json_number(o.*(specs[i].field));
    return s + "}";
}

struct Common {
    nm::Inputs inputs;
    std::string preset = "baseline";
    std::uint64_t seed = 1;
};

// Parses --preset/--set/--seed shared by run and experiment. Returns an error message or "".
// Sets are applied after the preset, whatever their order on the command line.
std::string parse_common(const std::vector<std::string>& args, std::size_t& i, Common& c, std::vector<std::pair<std::string, double>>& sets, bool* consumed) {
    *consumed = true;
    const std::string& a = args[i];
    auto need_value = [&](const char* opt) -> const std::string* {
        if (i + 1 >= args.size()) return nullptr;
        (void)opt;
        return &args[++i];
    };
    if (a == "--preset") {
        const std::string* v = need_value("--preset");
        if (!v) return "--preset needs a name; allowed: " + allowed_presets();
        const nm::Preset* p = nm::find_preset(*v);
        if (!p) return "unknown preset '" + *v + "'; allowed: " + allowed_presets();
        c.preset = p->id;
        c.inputs = p->inputs;
    } else if (a == "--set") {
        const std::string* v = need_value("--set");
        std::string key, value;
        if (!v || !split_assignment(*v, &key, &value)) return "--set needs NAME=VALUE; names: " + allowed_inputs();
        const nm::InputSpec* spec = nm::find_input(key);
        if (!spec) return "unknown input '" + key + "'; allowed: " + allowed_inputs();
        double d = 0.0;
        if (!parse_number(value, &d) || d < spec->min || d > spec->max) {
            char buf[200];
            std::snprintf(buf, sizeof buf, "--set %s: '%s' is not a number from %g to %g", key.c_str(), value.c_str(), spec->min, spec->max);
            return buf;
        }
        sets.emplace_back(key, d);
    } else if (a == "--seed") {
        const std::string* v = need_value("--seed");
        double d = 0.0;
        if (!v || !parse_number(*v, &d) || d < 0 || d > 4294967295.0 || std::floor(d) != d) return "--seed needs a whole number from 0 to 4294967295";
        c.seed = static_cast<std::uint64_t>(d);
    } else {
        *consumed = false;
    }
    return {};
}

int cmd_list() {
    int n = 0;
    const nm::InputSpec* in = nm::input_specs(&n);
    std::printf("INPUTS (multiple of typical, 1 = typical)\n");
    for (int i = 0; i < n; ++i)
        if (in[i].kind == nm::InputKind::Level)
            std::printf("  %-18s %g-%g  tier %-22s %s\n", std::string(in[i].name).c_str(), in[i].min, in[i].max, std::string(in[i].tier).c_str(), std::string(in[i].meaning).c_str());
    std::printf("\nMANIPULATIONS (fraction of full effect, 0 = none)\n");
    for (int i = 0; i < n; ++i)
        if (in[i].kind == nm::InputKind::Manipulation)
            std::printf("  %-18s %g-%g  tier %-22s %s\n", std::string(in[i].name).c_str(), in[i].min, in[i].max, std::string(in[i].tier).c_str(), std::string(in[i].meaning).c_str());
    const nm::OutputSpec* out = nm::output_specs(&n);
    std::printf("\nOUTPUTS\n");
    for (int i = 0; i < n; ++i) {
        if (i == nm::contract_output_count()) std::printf("  (extra readouts for the schematic)\n");
        std::printf("  %-22s %-10s %s\n", std::string(out[i].name).c_str(), std::string(out[i].unit).c_str(), std::string(out[i].meaning).c_str());
    }
    std::printf("\nEVENTS\n  cue       a cue that predicts reward 1.5 s later\n  reward    an unpredicted reward now\n  omit      an expected reward that does not come\n");
    std::printf("\nPRESETS\n");
    for (const auto& p : nm::builtin_presets().presets) std::printf("  %-20s %s\n", p.id.c_str(), p.title.c_str());
    std::printf("\nEXPERIMENTS\n");
    for (const auto& e : nm::experiment_specs()) {
        std::printf("  %-14s tier %-2s %s\n                 %s (%s)\n", std::string(e.name).c_str(), std::string(e.tier).c_str(),
                    std::string(e.title).c_str(), std::string(e.finding).c_str(), std::string(e.citation).c_str());
        for (const auto& p : e.params)
            std::printf("                 --param %s=%g  (%g-%g) %s\n", std::string(p.name).c_str(), p.default_value, p.min, p.max, std::string(p.meaning).c_str());
    }
    return 0;
}

int cmd_run(const std::vector<std::string>& args) {
    Common c;
    std::vector<std::pair<std::string, double>> sets;
    double duration_s = 120.0;  // long enough for the hormone clock (thyroid tau 10 d = 5 s) to settle
    std::string csv_path;
    for (std::size_t i = 1; i < args.size(); ++i) {
        bool consumed = false;
        const std::string err = parse_common(args, i, c, sets, &consumed);
        if (!err.empty()) return usage_error(err);
        if (consumed) continue;
        if (args[i] == "--duration") {
            if (i + 1 >= args.size() || !parse_number(args[i + 1], &duration_s) || duration_s <= 0 || duration_s > 86400 * 7)
                return usage_error("--duration needs a number of seconds from 0 (exclusive) to 604800");
            ++i;
        } else if (args[i] == "--csv") {
            if (i + 1 >= args.size() || args[i + 1].empty()) return usage_error("--csv needs a file name");
            csv_path = args[++i];
        } else {
            return usage_error("unknown argument '" + args[i] + "' for run; see 'neurodrive-cli help'");
        }
    }
    for (const auto& [k, v] : sets) { char b[160]; nm::set_input(c.inputs, k, v, b, sizeof b); }
    // Start from the healthy state and let the hormone clock carry it to the chosen inputs.
    nm::State s = nm::make_state(nm::Inputs{}, c.seed);
    std::ofstream csv;
    if (!csv_path.empty()) {
        csv.open(csv_path);
        if (!csv) return usage_error("--csv: cannot write '" + csv_path + "'");
        int n = 0;
        const nm::OutputSpec* specs = nm::output_specs(&n);
        csv << "time_s";
        for (int i = 0; i < nm::contract_output_count(); ++i) csv << "," << specs[i].name;
        csv << "\n";
        (void)n;
    }
    const double sample_s = duration_s > 600 ? 1.0 : 0.1;
    double t = 0.0;
    while (t < duration_s - 1e-9) {
        const double dt = std::min(sample_s, duration_s - t);
        nm::advance(s, c.inputs, dt);
        t += dt;
        if (csv.is_open()) {
            const nm::Outputs o = nm::outputs(s, c.inputs);
            int n = 0;
            const nm::OutputSpec* specs = nm::output_specs(&n);
            csv << json_number(s.time_s);
            for (int i = 0; i < nm::contract_output_count(); ++i) csv << "," << json_number(o.*(specs[i].field));
            csv << "\n";
        }
    }
    const nm::Outputs o = nm::outputs(s, c.inputs);
    std::printf("{\"preset\":%s,\"duration_s\":%s,\"seed\":%llu,\"inputs\":%s,\"outputs\":%s}\n", json_string(c.preset).c_str(),
                json_number(duration_s).c_str(), static_cast<unsigned long long>(c.seed), inputs_json(c.inputs).c_str(), outputs_json(o).c_str());
    return 0;
}

int cmd_experiment(const std::vector<std::string>& args) {
    if (args.size() < 2 || args[1].rfind("--", 0) == 0) {
        std::string names;
        for (const auto& e : nm::experiment_specs()) names += " " + std::string(e.name);
        return usage_error("experiment needs a name; allowed:" + names);
    }
    const std::string name = args[1];
    if (!nm::find_experiment(name)) return usage_error(nm::validate_experiment(name, {}));
    Common c;
    std::vector<std::pair<std::string, double>> sets;
    nm::ParamValues params;
    for (std::size_t i = 2; i < args.size(); ++i) {
        bool consumed = false;
        const std::string err = parse_common(args, i, c, sets, &consumed);
        if (!err.empty()) return usage_error(err);
        if (consumed) continue;
        if (args[i] == "--param") {
            std::string key, value;
            double d = 0.0;
            if (i + 1 >= args.size() || !split_assignment(args[i + 1], &key, &value)) return usage_error("--param needs KEY=VALUE");
            if (!parse_number(value, &d)) return usage_error("--param " + key + ": '" + value + "' is not a number");
            params.emplace_back(key, d);
            ++i;
        } else {
            return usage_error("unknown argument '" + args[i] + "' for experiment; see 'neurodrive-cli help'");
        }
    }
    const std::string err = nm::validate_experiment(name, params);
    if (!err.empty()) return usage_error(err);
    for (const auto& [k, v] : sets) { char b[160]; nm::set_input(c.inputs, k, v, b, sizeof b); }
    const nm::ExperimentResult r = nm::run_experiment(name, c.inputs, params, c.seed);
    std::string out = "{\"experiment\":" + json_string(name) + ",\"inputs\":" + inputs_json(c.inputs) + ",\"results\":{";
    bool first = true;
    for (const auto& [k, v] : r.scalars) { out += (first ? "" : ",") + json_string(k) + ":" + json_number(v); first = false; }
    for (const auto& [k, v] : r.arrays) { out += (first ? "" : ",") + json_string(k) + ":" + json_array(v); first = false; }
    std::printf("%s}}\n", out.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!nm::builtin_presets().error.empty()) {
        std::fprintf(stderr, "neurodrive-cli: built-in %s\n", nm::builtin_presets().error.c_str());
        return 1;
    }
    if (args.empty()) return usage_error("no command; allowed: run, experiment, list, help (see 'neurodrive-cli help')");
    const std::string& cmd = args[0];
    if (cmd == "run") return cmd_run(args);
    if (cmd == "experiment") return cmd_experiment(args);
    if (cmd == "list") return args.size() == 1 ? cmd_list() : usage_error("list takes no arguments");
    if (cmd == "help" || cmd == "--help" || cmd == "-h") { print_usage(stdout); return 0; }
    return usage_error("unknown command '" + cmd + "'; allowed: run, experiment, list, help");
}
