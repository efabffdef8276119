// export.cpp - see export.hpp.
#include "export.hpp"

#include <cctype>
#include <cstdio>

#include "neurodrive/names.hpp"

namespace neurodrive::app {

const std::vector<ExportKind>& export_kinds() {
    static const std::vector<ExportKind> kinds = {{"signals", "csv", false}, {"trials", "csv", false}, {"lab", "csv", false}, {"png", "png", true}};
    return kinds;
}

namespace {
std::string preamble(const ExportInfo& info, const char* what) {
    char t[48];
    std::snprintf(t, sizeof t, "%.1f", info.time_s);
    std::string s = "# NeuroDrive " + info.version + " - " + what + " from this simulated brain (a teaching model, not medical advice)\n";
    s += "# scenario: " + info.scenario + (info.changed.empty() ? std::string() : "; changed inputs: " + info.changed) + "; at " + t + " s simulated\n";
    return s;
}
}  // namespace

std::string export_signals_csv(const History& h, const ExportInfo& info) {
    std::string s = preamble(info, "signals");
    s += "# units: time_s simulated seconds; *_nM nanomolar; *_hz spikes per second; *_s seconds; motivation and its parts 0-100; "
         "levels and sensitivities relative to typical (1 = typical); 10 rows per simulated second\n";
    s += model::outputs_csv_header() + "\n";
    for (const RecordedRow& r : h.recorded) s += model::outputs_csv_row(r.time_s, r.out) + "\n";
    return s;
}

std::string export_trials_csv(const History& h, const ExportInfo& info) {
    std::string s = preamble(info, "trials");
    s += "# units: end_time_s simulated seconds; responses are the change of VTA firing from tonic (Hz); peak accumbens dopamine (nM)\n";
    s += "trial,end_time_s,cue_response_hz,reward_response_hz,peak_da_nac_nM\n";
    char row[160];
    for (const TrialPoint& t : h.trials) {
        std::snprintf(row, sizeof row, "%d,%.9g,%.9g,%.9g,%.9g\n", t.trial, t.end_time_s, static_cast<double>(t.cue_hz), static_cast<double>(t.reward_hz),
                      static_cast<double>(t.peak_da_nac_nM));
        s += row;
    }
    return s;
}

std::string export_lab_csv(const LabResult& lab, const ExportInfo& info) {
    const std::string body = lab_csv(lab);
    return body.empty() ? std::string() : preamble(info, "lab results") + body;
}

std::string export_caption(const ExportInfo& info) {
    char t[48];
    std::snprintf(t, sizeof t, "%.1f", info.time_s);
    return "NeuroDrive " + info.version + " - " + info.scenario + (info.changed.empty() ? std::string() : " (" + info.changed + ")") + " - " + t +
           " s simulated - a teaching model, not medical advice";
}

std::string export_file_name(const std::string& scenario_id, const std::string& kind, double time_s, const std::string& ext) {
    std::string clean;
    for (char c : scenario_id + "-" + kind) clean += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '-';
    char t[32];
    std::snprintf(t, sizeof t, "%.0f", time_s < 0.0 ? 0.0 : time_s);
    return "neurodrive-" + clean + "-" + t + "s." + ext;
}

}  // namespace neurodrive::app
