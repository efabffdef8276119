// lab.cpp - see lab.hpp. Reads only the experiment registry; no copy of any experiment's layout.
#include "lab.hpp"

#include <cstdio>

namespace neurodrive::app {

LabResult run_lab(const model::ExperimentSpec& spec, const model::Inputs& scenario) {
    const model::Inputs control{};
    LabResult r;
    r.experiment = std::string(spec.name);
    r.inputs = scenario;
    r.kind = spec.chart.kind;
    auto run = [&](const model::Inputs& in, const model::ParamValues& p) { return model::run_experiment(spec.name, in, p, 1); };
    if (spec.chart.kind == model::ChartKind::Bars) {
        for (const auto& bar : spec.chart.bars) {
            const auto c = run(control, bar.params), s = run(scenario, bar.params);
            r.bars.push_back({std::string(bar.label), c.scalar(bar.result_key) * bar.scale, s.scalar(bar.result_key) * bar.scale});
        }
        return r;
    }
    const auto s = run(scenario, spec.chart.run_params);
    const std::vector<double>* y = s.array(spec.chart.y_key);
    if (spec.chart.kind == model::ChartKind::Pair) {
        const std::vector<double>* y2 = s.array(spec.chart.y2_key);
        if (y) r.control = *y;
        if (y2) r.scenario = *y2;
        if (spec.chart.x_key.empty()) for (std::size_t i = 0; i < r.control.size(); ++i) r.x.push_back(static_cast<double>(i + 1));
        else if (const auto* x = s.array(spec.chart.x_key)) r.x = *x;
        return r;
    }
    const auto c = run(control, spec.chart.run_params);
    if (const auto* x = s.array(spec.chart.x_key)) r.x = *x;
    if (const auto* yc = c.array(spec.chart.y_key)) r.control = *yc;
    if (y) r.scenario = *y;
    return r;
}

std::string lab_csv(const LabResult& r) {
    const model::ExperimentSpec* spec = model::find_experiment(r.experiment);
    if (!spec) return {};
    std::string out = "# NeuroDrive virtual lab: " + std::string(spec->title) + " (" + std::string(spec->citation) + ")\n";
    out += "# value: " + std::string(spec->chart.unit) + "\n";
    char buf[128];
    if (r.kind == model::ChartKind::Bars) {
        out += "measure,typical_control,current_scenario\n";
        for (const auto& b : r.bars) {
            std::snprintf(buf, sizeof buf, ",%.9g,%.9g\n", b.control, b.scenario);
            out += "\"" + b.label + "\"" + buf;
        }
        return out;
    }
    const bool pair = r.kind == model::ChartKind::Pair;
    out += std::string(spec->chart.x_key.empty() ? "trial" : spec->chart.x_key) + "," +
           (pair ? std::string(spec->chart.y_key) + "," + std::string(spec->chart.y2_key) : "typical_control,current_scenario") + "\n";
    for (std::size_t i = 0; i < r.x.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%.9g,%.9g,%.9g\n", r.x[i], i < r.control.size() ? r.control[i] : 0.0, i < r.scenario.size() ? r.scenario[i] : 0.0);
        out += buf;
    }
    return out;
}

}  // namespace neurodrive::app
