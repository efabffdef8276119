// main.cpp - neurodrive-cli: runs the drive model headless (steady states, time series, classic
// experiments, the findings registry with parameter perturbation). Links only the model library.
// Bad arguments: one line on stderr, nothing on stdout, exit status 2.
//
// Index
//   [SECTION] Arguments
//   [SECTION] list, params
//   [SECTION] run
//   [SECTION] experiment
//   [SECTION] validate
//   [SECTION] main
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "neurodrive/experiments.hpp"
#include "neurodrive/findings.hpp"
#include "neurodrive/names.hpp"
#include "neurodrive/io/presets.hpp"
#include "neurodrive/rng.hpp"

namespace nm = neurodrive::model;

namespace {

constexpr int kUsageError = 2;
// A prediction that holds in fewer than this share of the perturbed samples is reported **fragile**
// (docs/VALIDATION.md: knife-edge tuning). The CTest gate of 8 samples checks a coarser 6 of 8.
constexpr double kFragileBelowShare = 0.9;
using Json = rapidjson::Writer<rapidjson::StringBuffer>;  // the one JSON writer: exact, escaped

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "neurodrive-cli: %s\n", msg.c_str());
    return kUsageError;
}

void print_usage(std::FILE* f) {
    std::fputs(
        "usage:\n"
        "  neurodrive-cli run [--set NAME=VALUE]... [--preset NAME] [--duration SECONDS] [--seed N] [--csv FILE]\n"
        "  neurodrive-cli experiment NAME [--set NAME=VALUE]... [--preset NAME] [--param KEY=VALUE]... [--seed N]\n"
        "  neurodrive-cli validate [--perturb F [--perturb F2]] [--samples N] [--seed S] [--json | --markdown]\n"
        "  neurodrive-cli params [--markdown]\n"
        "  neurodrive-cli list\n"
        "  neurodrive-cli help\n", f);
}

// [SECTION] Arguments --------------------------------------------------------------------------------
// Strict number: the whole text must be a finite decimal number.
bool parse_number(const std::string& text, double* out) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text) if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (errno != 0 || end != text.c_str() + text.size() || !std::isfinite(v)) return false;
    *out = v;
    return true;
}

bool parse_whole(const std::string& text, double lo, double hi, double* out) {
    double d = 0.0;
    if (!parse_number(text, &d) || d < lo || d > hi || std::floor(d) != d) return false;
    *out = d;
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
    for (const auto& p : neurodrive::io::builtin_presets().presets) s += (s.empty() ? "" : ", ") + p.id;
    return s;
}

void write_inputs(Json& w, const nm::Inputs& in) {
    int n = 0;
    const nm::InputSpec* specs = nm::input_specs(&n);
    w.StartObject();
    for (int i = 0; i < n; ++i) { w.Key(specs[i].name.data(), static_cast<rapidjson::SizeType>(specs[i].name.size())); w.Double(in.*(specs[i].field)); }
    w.EndObject();
}

void write_outputs(Json& w, const nm::Outputs& o) {
    int n = 0;
    const nm::OutputSpec* specs = nm::output_specs(&n);
    w.StartObject();
    for (int i = 0; i < n; ++i) {
        w.Key(specs[i].name.data(), static_cast<rapidjson::SizeType>(specs[i].name.size()));
        const double v = o.*(specs[i].field);
        if (std::isfinite(v)) w.Double(v); else w.Null();
    }
    w.EndObject();
}

void write_string(Json& w, std::string_view s) { w.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }

struct Common {
    nm::Inputs inputs;
    std::string preset = "baseline";
    double hold_day = 0.0;
    std::uint64_t seed = 1;
};

// Parses --preset/--set/--seed shared by run and experiment. Returns an error message or "".
// Sets are applied after the preset, whatever their order on the command line.
std::string parse_common(const std::vector<std::string>& args, std::size_t& i, Common& c, std::vector<std::pair<std::string, double>>& sets, bool* consumed) {
    *consumed = true;
    const std::string& a = args[i];
    const std::string* v = i + 1 < args.size() ? &args[i + 1] : nullptr;
    if (a == "--preset") {
        if (!v) return "--preset needs a name; allowed: " + allowed_presets();
        const neurodrive::io::Preset* p = neurodrive::io::find_preset(*v);
        if (!p) return "unknown preset '" + *v + "'; allowed: " + allowed_presets();
        c.preset = p->id;
        c.inputs = p->inputs;
        c.hold_day = p->hold_day;
    } else if (a == "--set") {
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
        double d = 0.0;
        if (!v || !parse_whole(*v, 0, 4294967295.0, &d)) return "--seed needs a whole number from 0 to 4294967295";
        c.seed = static_cast<std::uint64_t>(d);
    } else {
        *consumed = false;
        return {};
    }
    ++i;
    return {};
}

// [SECTION] list, params -------------------------------------------------------------------------------
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
        if (i == nm::contract_output_count()) std::printf("  (further readouts)\n");
        std::printf("  %-22s %-10s %s\n", std::string(out[i].name).c_str(), std::string(out[i].unit).c_str(), std::string(out[i].meaning).c_str());
    }
    std::printf("\nDRIVE = 100 x (");
    const nm::DriveComponent* parts = nm::drive_components(&n);
    const nm::Params defaults;
    for (int i = 0; i < n; ++i) std::printf("%s%.2f %s", i ? " + " : "", defaults.*(parts[i].weight), std::string(parts[i].output).c_str());
    std::printf(")\n");
    std::printf("\nEVENTS\n  cue       a cue that predicts reward 1.5 s later\n  reward    an unpredicted reward now\n  omit      an expected reward that does not come\n");
    std::printf("\nPRESETS\n");
    for (const auto& p : neurodrive::io::builtin_presets().presets) std::printf("  %-20s %s\n", p.id.c_str(), p.title.c_str());
    std::printf("\nEXPERIMENTS\n");
    for (const auto& e : nm::experiment_specs()) {
        std::printf("  %-14s tier %-3s %s\n                 %s (%s)\n", std::string(e.name).c_str(), std::string(e.tier).c_str(),
                    std::string(e.title).c_str(), std::string(e.finding).c_str(), std::string(e.citation).c_str());
        for (const auto& p : e.params)
            std::printf("                 --param %s=%g  (%g-%g) %s\n", std::string(p.name).c_str(), p.default_value, p.min, p.max, std::string(p.meaning).c_str());
    }
    return 0;
}

int cmd_params(const std::vector<std::string>& args) {
    const bool markdown = args.size() == 2 && args[1] == "--markdown";
    if (args.size() > 2 || (args.size() == 2 && !markdown)) return usage_error("params takes only --markdown");
    int n = 0;
    const nm::ParamSpec* specs = nm::param_specs(&n);
    if (markdown) std::printf("| parameter | value | unit | tier | calibrated to | source |\n|---|---|---|---|---|---|\n");
    for (int i = 0; i < n; ++i) {
        const auto& s = specs[i];
        const std::string calib = s.calibrated_to.empty() ? "-" : std::string(s.calibrated_to);
        if (markdown)
            std::printf("| `%s` | %g | %s | %s | %s | %s |\n", std::string(s.name).c_str(), s.value, std::string(s.unit).c_str(), std::string(s.tier).c_str(),
                        calib.c_str(), std::string(s.source).c_str());
        else
            std::printf("%-24s %-10g %-22s tier %-2s calibrated to %-22s %s\n", std::string(s.name).c_str(), s.value, std::string(s.unit).c_str(),
                        std::string(s.tier).c_str(), calib.c_str(), std::string(s.source).c_str());
    }
    return 0;
}

// [SECTION] run ----------------------------------------------------------------------------------------
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
    // Start from the healthy state and let the hormone clock carry it to the chosen inputs (a preset at
    // its place on the hormone clock, such as an SSRI's first days, runs its days and then holds there).
    nm::State s = nm::make_state(nm::Inputs{}, c.seed);
    if (c.hold_day > 0.0) {
        nm::hold_at_day(s, c.inputs, c.hold_day);
        s.steps = 0;
        s.time_s = 0.0;
    }
    std::ofstream csv;
    if (!csv_path.empty()) {
        csv.open(csv_path);
        if (!csv) return usage_error("--csv: cannot write '" + csv_path + "'");
        csv << nm::outputs_csv_header() << "\n";
    }
    const double sample_s = duration_s > 600 ? 1.0 : 0.1;
    double t = 0.0;
    while (t < duration_s - 1e-9) {
        const double dt = std::min(sample_s, duration_s - t);
        nm::advance(s, c.inputs, dt);
        t += dt;
        if (csv.is_open()) {
            csv << nm::outputs_csv_row(s.time_s, nm::outputs(s, c.inputs)) << "\n";
        }
    }
    const nm::Outputs o = nm::outputs(s, c.inputs);
    rapidjson::StringBuffer buf;
    Json w(buf);
    w.StartObject();
    w.Key("preset"); write_string(w, c.preset);
    w.Key("duration_s"); w.Double(duration_s);
    w.Key("seed"); w.Uint64(c.seed);
    w.Key("inputs"); write_inputs(w, c.inputs);
    w.Key("outputs"); write_outputs(w, o);
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return 0;
}

// [SECTION] experiment ---------------------------------------------------------------------------------
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
    rapidjson::StringBuffer buf;
    Json w(buf);
    w.StartObject();
    w.Key("experiment"); write_string(w, name);
    w.Key("inputs"); write_inputs(w, c.inputs);
    w.Key("results");
    w.StartObject();
    for (const auto& [k, v] : r.scalars) { write_string(w, k); if (std::isfinite(v)) w.Double(v); else w.Null(); }
    for (const auto& [k, v] : r.arrays) {
        write_string(w, k);
        w.StartArray();
        for (double x : v) { if (std::isfinite(x)) w.Double(x); else w.Null(); }
        w.EndArray();
    }
    w.EndObject();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
    return 0;
}

// [SECTION] validate -----------------------------------------------------------------------------------
// Every parameter marked perturbable scaled by its own factor, uniform in [1-F, 1+F].
nm::Params perturbed(double f, std::uint64_t seed, int sample) {
    nm::Params p;
    std::uint64_t x = (seed + 1) * 0x9E3779B97F4A7C15ull ^ (static_cast<std::uint64_t>(sample) + 1) * 0xD1B54A32D192ED03ull;
    int n = 0;
    const nm::ParamSpec* specs = nm::param_specs(&n);
    for (int i = 0; i < n; ++i) {
        const double u = nm::uniform01(x);
        if (specs[i].perturb) p.*(specs[i].field) *= 1.0 + f * (2.0 * u - 1.0);
    }
    return p;
}

struct ValidateOptions {
    std::vector<double> perturb;  // one robustness column per level (0.2 = every parameter within +-20%)
    int samples = 0;
    std::uint64_t seed = 1;
    bool json = false, markdown = false;
};

std::string parse_validate(const std::vector<std::string>& args, ValidateOptions* o) {
    double samples = 0.0, seed = 1.0;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string* v = i + 1 < args.size() ? &args[i + 1] : nullptr;
        double f = 0.0;
        if (args[i] == "--perturb") {
            if (!v || !parse_number(*v, &f) || !(f > 0.0) || f > 0.5) return "--perturb needs a fraction above 0 and up to 0.5 (0.2 = every parameter within +-20%)";
            if (o->perturb.size() == 2) return "--perturb can be given at most twice (e.g. --perturb 0.2 --perturb 0.3)";
            o->perturb.push_back(f);
            ++i;
        } else if (args[i] == "--samples") {
            if (!v || !parse_whole(*v, 1, 10000, &samples)) return "--samples needs a whole number from 1 to 10000";
            ++i;
        } else if (args[i] == "--seed") {
            if (!v || !parse_whole(*v, 0, 4294967295.0, &seed)) return "--seed needs a whole number from 0 to 4294967295";
            ++i;
        } else if (args[i] == "--json") {
            o->json = true;
        } else if (args[i] == "--markdown") {
            o->markdown = true;
        } else {
            return "unknown argument '" + args[i] + "' for validate; see 'neurodrive-cli help'";
        }
    }
    if (o->json && o->markdown) return "choose one of --json and --markdown";
    if (!o->perturb.empty() && samples == 0.0) samples = 100.0;
    if (o->perturb.empty() && samples > 0.0) return "--samples needs --perturb F";
    o->samples = static_cast<int>(samples);
    o->seed = static_cast<std::uint64_t>(seed);
    return {};
}

// The share of perturbed samples (every perturbable parameter within +-f) in which each finding holds,
// on two worker threads (this machine's cores); each sample is a pure function of (seed, index), so the
// result does not depend on the number of threads.
std::vector<double> holds_share(const std::vector<nm::FindingSpec>& findings, double f, int n_samples, std::uint64_t seed) {
    std::vector<std::vector<char>> held(static_cast<std::size_t>(n_samples), std::vector<char>(findings.size(), 0));
    auto work = [&](int first, int step) {
        for (int s = first; s < n_samples; s += step) {
            const nm::Params p = perturbed(f, seed, s);
            for (std::size_t k = 0; k < findings.size(); ++k) held[static_cast<std::size_t>(s)][k] = findings[k].check(p).holds ? 1 : 0;
        }
    };
    std::thread other(work, 1, 2);
    work(0, 2);
    other.join();
    std::vector<double> share(findings.size(), 0.0);
    for (std::size_t k = 0; k < findings.size(); ++k) {
        int count = 0;
        for (const auto& row : held) count += row[k];
        share[k] = static_cast<double>(count) / n_samples;
    }
    return share;
}

// What the kind of a finding rests on: the fitted parameters, or the equation that makes it true.
std::string kind_label(const nm::FindingSpec& s) {
    std::string kind(nm::finding_kind_name(s.kind));
    if (s.kind == nm::FindingKind::Calibration) kind += " (" + nm::calibrated_params(s.id) + ")";
    if (s.kind == nm::FindingKind::Structural) kind += " (" + std::string(s.basis) + ")";
    return kind;
}

struct Validation {
    const std::vector<nm::FindingSpec>& findings;
    std::vector<nm::FindingOutcome> published;   // with the published parameters
    std::vector<std::vector<double>> share;      // per perturbation level, per finding
};

void write_validation_json(const ValidateOptions& o, const Validation& v) {
    rapidjson::StringBuffer buf;
    Json w(buf);
    w.StartObject();
    w.Key("perturb"); w.StartArray(); for (double f : o.perturb) w.Double(f); w.EndArray();
    w.Key("samples"); w.Int(o.samples);
    w.Key("seed"); w.Uint64(o.seed);
    w.Key("findings");
    w.StartArray();
    for (std::size_t k = 0; k < v.findings.size(); ++k) {
        const auto& s = v.findings[k];
        w.StartObject();
        w.Key("id"); write_string(w, s.id);
        w.Key("kind"); write_string(w, nm::finding_kind_name(s.kind));
        w.Key("calibrates"); write_string(w, nm::calibrated_params(s.id));
        w.Key("basis"); write_string(w, s.basis);
        w.Key("tier"); write_string(w, s.tier);
        w.Key("section"); write_string(w, s.section);
        w.Key("published"); write_string(w, s.published);
        w.Key("value"); write_string(w, s.value);
        w.Key("citation"); write_string(w, s.citation);
        w.Key("model"); write_string(w, v.published[k].model);
        w.Key("holds"); w.Bool(v.published[k].holds);
        // One share per perturbation level, in the order of --perturb; the first also as holds_share.
        w.Key("holds_share"); if (!v.share.empty()) w.Double(v.share[0][k]); else w.Null();
        w.Key("holds_shares"); w.StartArray(); for (const auto& level : v.share) w.Double(level[k]); w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    std::printf("%s\n", buf.GetString());
}

void write_validation_markdown(const ValidateOptions& o, const Validation& v) {
    std::printf("| finding | kind | tier | published (source) | published value (where) | this model | holds |");
    for (double f : o.perturb) std::printf(" holds at +-%.0f%% |", 100.0 * f);
    std::printf("\n|---|---|---|---|---|---|---|");
    for (std::size_t i = 0; i < o.perturb.size(); ++i) std::printf("---|");
    std::printf("\n");
    for (std::size_t k = 0; k < v.findings.size(); ++k) {
        const auto& s = v.findings[k];
        std::printf("| `%s` | %s | %s | %s (%s) | %s | %s | %s |", std::string(s.id).c_str(), kind_label(s).c_str(), std::string(s.tier).c_str(),
                    std::string(s.published).c_str(), std::string(s.citation).c_str(), std::string(s.value).c_str(), v.published[k].model.c_str(),
                    v.published[k].holds ? "yes" : "**no**");
        for (std::size_t i = 0; i < v.share.size(); ++i)
            std::printf(" %.0f%%%s |", 100.0 * v.share[i][k], i == 0 && s.kind == nm::FindingKind::Prediction && v.share[i][k] < kFragileBelowShare ? " **fragile**" : "");
        std::printf("\n");
    }
}

void write_validation_text(const ValidateOptions& o, const Validation& v) {
    for (std::size_t k = 0; k < v.findings.size(); ++k) {
        const auto& s = v.findings[k];
        std::printf("%-4s %-26s %-11s tier %-4s %s\n", v.published[k].holds ? "ok" : "FAIL", std::string(s.id).c_str(),
                    std::string(nm::finding_kind_name(s.kind)).c_str(), std::string(s.tier).c_str(), v.published[k].model.c_str());
        for (std::size_t i = 0; i < v.share.size(); ++i)
            std::printf("     holds in %.0f%% of %d samples with every parameter within +-%.0f%%\n", 100.0 * v.share[i][k], o.samples, 100.0 * o.perturb[i]);
    }
}

int cmd_validate(const std::vector<std::string>& args) {
    ValidateOptions o;
    if (std::string err = parse_validate(args, &o); !err.empty()) return usage_error(err);
    Validation v{nm::finding_specs(), {}, {}};
    for (const auto& f : v.findings) v.published.push_back(f.check(nm::Params{}));
    for (double f : o.perturb) v.share.push_back(holds_share(v.findings, f, o.samples, o.seed));
    if (o.json) write_validation_json(o, v);
    else if (o.markdown) write_validation_markdown(o, v);
    else write_validation_text(o, v);
    int failing = 0, fragile = 0, counts[3] = {0, 0, 0};
    for (std::size_t k = 0; k < v.findings.size(); ++k) {
        failing += v.published[k].holds ? 0 : 1;
        ++counts[static_cast<int>(v.findings[k].kind)];
        if (v.findings[k].kind == nm::FindingKind::Prediction && !v.share.empty() && v.share[0][k] < kFragileBelowShare) ++fragile;
    }
    std::fprintf(stderr, "%zu findings (%d predictions, %d calibrations, %d structural): %d do not hold with the published parameters",
                 v.findings.size(), counts[0], counts[1], counts[2], failing);
    if (!v.share.empty()) std::fprintf(stderr, "; %d predictions hold in fewer than %.0f%% of %d samples at +-%.0f%%", fragile, 100.0 * kFragileBelowShare, o.samples, 100.0 * o.perturb[0]);
    std::fprintf(stderr, "\n");
    return failing == 0 ? 0 : 1;
}

}  // namespace

// [SECTION] main ---------------------------------------------------------------------------------------
int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (!neurodrive::io::builtin_presets().error.empty()) {
        std::fprintf(stderr, "neurodrive-cli: built-in %s\n", neurodrive::io::builtin_presets().error.c_str());
        return 1;
    }
    if (args.empty()) return usage_error("no command; allowed: run, experiment, validate, params, list, help (see 'neurodrive-cli help')");
    const std::string& cmd = args[0];
    if (cmd == "run") return cmd_run(args);
    if (cmd == "experiment") return cmd_experiment(args);
    if (cmd == "validate") return cmd_validate(args);
    if (cmd == "params") return cmd_params(args);
    if (cmd == "list") return args.size() == 1 ? cmd_list() : usage_error("list takes no arguments");
    if (cmd == "help" || cmd == "--help" || cmd == "-h") { print_usage(stdout); return 0; }
    return usage_error("unknown command '" + cmd + "'; allowed: run, experiment, validate, params, list, help");
}
