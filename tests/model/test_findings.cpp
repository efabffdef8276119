// test_findings.cpp - the registry of published findings (findings.hpp), one test case each, run with
// the published parameters. Each test case is named with its finding's kind: a prediction (no parameter set
// from it, not guaranteed by the equations), a calibration (a parameter was fitted to it; the test guards
// the fit) or a structural finding (true by construction; the test guards the construction). A guard
// checks every id and every kind label against the registry. docs/VALIDATION.md shows the same table, with
// robustness to parameter perturbation (`make validate`).
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "neurodrive/experiments.hpp"
#include "neurodrive/findings.hpp"

namespace nm = neurodrive::model;

namespace {
std::map<std::string, std::string>& tested() {  // id -> kind label of its test case
    static std::map<std::string, std::string> ids;
    return ids;
}
struct Register {
    Register(const char* kind, const char* id) { tested()[id] = kind; }
};
void check_finding(const char* id) {
    const nm::FindingSpec* f = nm::find_finding(id);
    REQUIRE_MESSAGE(f != nullptr, id);
    const nm::FindingOutcome o = f->check(nm::Params{});
    INFO(f->published, " (", f->citation, "; published: ", f->value, ") -> model: ", o.model);
    CHECK(o.holds);
}
}  // namespace

#define ND_FINDING_TEST(kind, id)                                                   \
    static const Register register_##id(kind, #id);                                 \
    TEST_CASE(kind " " #id) { check_finding(#id); }

// Calibrations: a parameter was fitted to these findings (they guard the fit).
ND_FINDING_TEST("calibration", resting_levels)
ND_FINDING_TEST("calibration", burst_shape)
ND_FINDING_TEST("calibration", effort_choice)
ND_FINDING_TEST("calibration", waiting_5ht)
ND_FINDING_TEST("calibration", waiting_probability)
ND_FINDING_TEST("calibration", patience_floor)
ND_FINDING_TEST("calibration", ht2c_restraint)
ND_FINDING_TEST("calibration", acute_stress)
ND_FINDING_TEST("calibration", acute_stress_pfc)
ND_FINDING_TEST("calibration", chronic_stress_vta)
ND_FINDING_TEST("calibration", hypothyroid)
ND_FINDING_TEST("calibration", net_block_pfc)
ND_FINDING_TEST("calibration", comt_pfc)
ND_FINDING_TEST("calibration", striatal_inverted_u)
ND_FINDING_TEST("calibration", aphagia)
ND_FINDING_TEST("calibration", ssri_delay)
ND_FINDING_TEST("calibration", no_creep)
ND_FINDING_TEST("calibration", thyroid_excess)
ND_FINDING_TEST("calibration", catalepsy)
ND_FINDING_TEST("calibration", top_of_dopamine)
// Predictions: no parameter was set from these findings, and the equations do not guarantee them.
ND_FINDING_TEST("prediction", cue_da)
ND_FINDING_TEST("prediction", td_transfer)
ND_FINDING_TEST("prediction", omission_dip)
ND_FINDING_TEST("prediction", probability)
ND_FINDING_TEST("prediction", effort_not_appetite)
ND_FINDING_TEST("prediction", ratio_dependence)
ND_FINDING_TEST("prediction", low_5ht_impulsive)
ND_FINDING_TEST("prediction", ht2c_da_less)
ND_FINDING_TEST("prediction", acute_stress_wm)
ND_FINDING_TEST("prediction", haloperidol_firing)
ND_FINDING_TEST("prediction", cocaine_firing)
ND_FINDING_TEST("prediction", net_block_lc)
ND_FINDING_TEST("prediction", methylphenidate)
ND_FINDING_TEST("prediction", partial_loss_eats)
ND_FINDING_TEST("prediction", ssri_autoreceptor)
ND_FINDING_TEST("prediction", neuroleptic_effort_first)
ND_FINDING_TEST("prediction", neuroleptic_blocks_stereotypy)
ND_FINDING_TEST("prediction", neuroleptic_reduces_stimulant_responding)
ND_FINDING_TEST("prediction", stimulant_effort)
ND_FINDING_TEST("prediction", hyperdopaminergic_wanting)
ND_FINDING_TEST("prediction", serotonin_not_drive)
// Structural: true by construction (the registry names the equation); teaching, not evidence.
ND_FINDING_TEST("structural", vigor_rate)
ND_FINDING_TEST("structural", prefeeding)
ND_FINDING_TEST("structural", wanting_not_liking)
ND_FINDING_TEST("structural", neuroleptic_spares_liking)
ND_FINDING_TEST("structural", pfc_inverted_u)
ND_FINDING_TEST("structural", baseline_dependence)
ND_FINDING_TEST("structural", lc_adaptive_gain)
ND_FINDING_TEST("structural", lc_phasic_mode)
ND_FINDING_TEST("structural", high_ne_vigilance)
ND_FINDING_TEST("structural", stereotypy_dorsal)
ND_FINDING_TEST("structural", stereotypy_needs_d1_and_d2)
ND_FINDING_TEST("structural", dat_block_regional)
ND_FINDING_TEST("structural", two_populations)
ND_FINDING_TEST("structural", chronic_stress_anhedonia)
ND_FINDING_TEST("structural", estradiol_release)
ND_FINDING_TEST("structural", testosterone_modest)
ND_FINDING_TEST("structural", glucocorticoid_deficiency)
ND_FINDING_TEST("structural", headroom)

TEST_CASE("every finding of the registry has its own test case, labelled with its kind") {
    std::map<std::string, std::string> in_registry;
    for (const auto& f : nm::finding_specs()) in_registry[std::string(f.id)] = std::string(nm::finding_kind_name(f.kind));
    CHECK(in_registry == tested());
}

TEST_CASE("the registry is honest about kinds: calibrations name their parameters, structural findings their equation, predictions neither") {
    int predictions = 0;
    for (const auto& f : nm::finding_specs()) {
        const std::string fitted = nm::calibrated_params(f.id);
        INFO(f.id);
        CHECK(fitted.empty() == (f.kind != nm::FindingKind::Calibration));
        CHECK(f.basis.empty() == (f.kind != nm::FindingKind::Structural));
        predictions += f.kind == nm::FindingKind::Prediction ? 1 : 0;
        CHECK(!f.published.empty());
        CHECK(!f.value.empty());
        CHECK(!f.citation.empty());
        CHECK(!f.tier.empty());
        CHECK((f.section == "2" || f.section == "3" || f.section == "6" || f.section == "7"));
    }
    CHECK(nm::finding_specs().size() >= 25);
    CHECK(predictions >= 12);
    int n = 0;
    const nm::ParamSpec* params = nm::param_specs(&n);
    for (int i = 0; i < n; ++i) {
        std::string_view list = params[i].calibrated_to;
        INFO(params[i].name);
        while (!list.empty()) {  // each finding id of the comma-separated list exists
            const std::size_t comma = list.find(',');
            CHECK(nm::find_finding(list.substr(0, comma)) != nullptr);
            if (comma == std::string_view::npos) break;
            list.remove_prefix(comma + 1);
        }
    }
}

TEST_CASE("every experiment names the findings it checks, and each exists in the registry") {
    for (const auto& e : nm::experiment_specs()) {
        INFO(e.name);
        CHECK(!e.findings.empty());
        for (std::string_view id : e.findings) CHECK(nm::find_finding(id) != nullptr);
    }
}
