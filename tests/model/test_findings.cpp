// test_findings.cpp - the registry of published findings (findings.hpp), one test case each, run with
// the published parameters. A test case per finding is registered here by id; a guard checks that
// every finding of the registry has one and that no id is stale. docs/VALIDATION.md shows the same
// table, with robustness to parameter perturbation (`make validate`).
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "neurodrive/findings.hpp"

namespace nm = neurodrive::model;

namespace {
std::set<std::string>& tested() {
    static std::set<std::string> ids;
    return ids;
}
struct Register {
    explicit Register(const char* id) { tested().insert(id); }
};
void check_finding(const char* id) {
    const nm::FindingSpec* f = nm::find_finding(id);
    REQUIRE_MESSAGE(f != nullptr, id);
    const nm::FindingOutcome o = f->check(nm::Params{});
    INFO(f->published, " (", f->citation, ") -> model: ", o.model);
    CHECK(o.holds);
}
}  // namespace

#define ND_FINDING_TEST(kind, id)                                                   \
    static const Register register_##id(#id);                                       \
    TEST_CASE(kind " " #id) { check_finding(#id); }

// Predictions: no parameter was set from these findings' numbers.
ND_FINDING_TEST("prediction", td_transfer)
ND_FINDING_TEST("prediction", omission_dip)
ND_FINDING_TEST("prediction", probability)
ND_FINDING_TEST("prediction", no_creep)
ND_FINDING_TEST("prediction", vigor_rate)
ND_FINDING_TEST("prediction", effort_not_appetite)
ND_FINDING_TEST("prediction", ratio_dependence)
ND_FINDING_TEST("prediction", prefeeding)
ND_FINDING_TEST("prediction", wanting_not_liking)
ND_FINDING_TEST("prediction", pfc_inverted_u)
ND_FINDING_TEST("prediction", baseline_dependence)
ND_FINDING_TEST("prediction", lc_adaptive_gain)
ND_FINDING_TEST("prediction", lc_phasic_mode)
ND_FINDING_TEST("prediction", low_5ht_impulsive)
ND_FINDING_TEST("prediction", ht2c_da_less)
ND_FINDING_TEST("prediction", acute_stress_wm)
ND_FINDING_TEST("prediction", chronic_stress_anhedonia)
ND_FINDING_TEST("prediction", estradiol_release)
ND_FINDING_TEST("prediction", testosterone_modest)
ND_FINDING_TEST("prediction", haloperidol_firing)
ND_FINDING_TEST("prediction", cocaine_firing)
ND_FINDING_TEST("prediction", two_populations)
ND_FINDING_TEST("prediction", dat_block_regional)
ND_FINDING_TEST("prediction", net_block_lc)
ND_FINDING_TEST("prediction", methylphenidate)
ND_FINDING_TEST("prediction", stereotypy_dorsal)
ND_FINDING_TEST("prediction", top_of_dopamine)
ND_FINDING_TEST("prediction", partial_loss_eats)
ND_FINDING_TEST("prediction", thyroid_excess)
ND_FINDING_TEST("prediction", glucocorticoid_deficiency)
ND_FINDING_TEST("prediction", high_ne_vigilance)
ND_FINDING_TEST("prediction", ssri_autoreceptor)
// Calibrations: a parameter was fitted to these findings (they guard the fit).
ND_FINDING_TEST("calibration", resting_levels)
ND_FINDING_TEST("calibration", burst_shape)
ND_FINDING_TEST("calibration", cue_da)
ND_FINDING_TEST("calibration", effort_choice)
ND_FINDING_TEST("calibration", waiting_5ht)
ND_FINDING_TEST("calibration", waiting_probability)
ND_FINDING_TEST("calibration", patience_floor)
ND_FINDING_TEST("calibration", ht2c_restraint)
ND_FINDING_TEST("calibration", acute_stress)
ND_FINDING_TEST("calibration", chronic_stress_vta)
ND_FINDING_TEST("calibration", hypothyroid)
ND_FINDING_TEST("calibration", net_block_pfc)
ND_FINDING_TEST("calibration", comt_pfc)
ND_FINDING_TEST("calibration", striatal_inverted_u)
ND_FINDING_TEST("calibration", aphagia)
ND_FINDING_TEST("calibration", ssri_delay)

TEST_CASE("every finding of the registry has its own test case, labelled with its kind") {
    std::set<std::string> in_registry;
    for (const auto& f : nm::finding_specs()) in_registry.insert(std::string(f.id));
    CHECK(in_registry == tested());
}

TEST_CASE("the registry is honest about kinds: calibrations name their parameters, predictions have none") {
    int predictions = 0;
    for (const auto& f : nm::finding_specs()) {
        const std::string fitted = nm::calibrated_params(f.id);
        INFO(f.id);
        if (f.kind == nm::FindingKind::Calibration) CHECK(!fitted.empty());
        else { CHECK(fitted.empty()); ++predictions; }
        CHECK(!f.published.empty());
        CHECK(!f.citation.empty());
        CHECK(!f.tier.empty());
        CHECK((f.section == "2" || f.section == "3" || f.section == "6"));
    }
    CHECK(nm::finding_specs().size() >= 25);
    CHECK(predictions >= 12);
    int n = 0;
    const nm::ParamSpec* params = nm::param_specs(&n);
    for (int i = 0; i < n; ++i) {
        if (params[i].calibrated_to.empty()) continue;
        INFO(params[i].name);
        CHECK(nm::find_finding(params[i].calibrated_to) != nullptr);
    }
}
