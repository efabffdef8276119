// test_phenomena.cpp - published phenomena the model must reproduce (see docs/MODEL.md, section 4).
// Each test names its source. Numbers come from ../shared/SCIENCE.md.
#include <doctest/doctest.h>

#include <algorithm>

#include "helpers.hpp"
#include "neurodrive/experiments.hpp"

namespace nm = neurodrive::model;
using test::mean_of;
using test::steady;

namespace {
nm::ExperimentResult run(const char* name, nm::ParamValues params = {}, nm::Inputs in = {}) {
    REQUIRE(nm::validate_experiment(name, params).empty());
    return nm::run_experiment(name, in, params, 1);
}
nm::Inputs with(double nm::Inputs::*field, double v) { nm::Inputs in; in.*field = v; return in; }
}  // namespace

TEST_CASE("1. the burst moves from reward to cue, reward response <=20% of its first size (Schultz 1997)") {
    const auto r = run("conditioning");
    const auto& cue = *r.array("cue_response_hz");
    const auto& rew = *r.array("reward_response_hz");
    REQUIRE(cue.size() == 60);
    CHECK(mean_of(cue, 5) > mean_of(rew, 5));
    CHECK(mean_of(rew, 5) <= 0.2 * rew.front());
    CHECK(rew.front() > 10.0);
    CHECK(mean_of(*r.array("cue_release_nM"), 5) > mean_of(*r.array("reward_release_nM"), 5));
}

TEST_CASE("2. omitting an expected reward drops firing and NAc DA below baseline (Schultz 1997)") {
    const auto r = run("conditioning", {{"omit_last", 1}});
    CHECK(r.scalar("omission_dip_hz") < -2.0);
    CHECK(r.scalar("omission_dip_hz") >= -6.0);  // floored at 0 Hz: the dip cannot exceed tonic
    CHECK(r.scalar("omission_dip_nM") < -1.0);
}

TEST_CASE("3. the cue response rises with reward probability (Fiorillo 2003)") {
    double previous = -1.0;
    for (double p : {0.25, 0.5, 0.75, 1.0}) {
        const auto r = run("conditioning", {{"trials", 200}, {"reward_probability", p}});
        const double cue = mean_of(*r.array("cue_response_hz"), 100);
        CHECK_MESSAGE(cue > previous, "p = " << p);
        previous = cue;
    }
}

TEST_CASE("4. resting NAc DA is 2.5-5x PFC DA (Abercrombie 1989)") {
    const nm::Outputs o = steady(nm::Inputs{});
    const double ratio = o.da_nac_nM / o.da_pfc_nM;
    CHECK(ratio >= 2.5);
    CHECK(ratio <= 5.0);
}

TEST_CASE("5. full DAT block at least doubles NAc DA and moves PFC DA by <25% (Carboni 1990)") {
    const nm::Outputs base = steady(nm::Inputs{}), o = steady(with(&nm::Inputs::dat_block, 1.0));
    CHECK(o.da_nac_nM >= 2.0 * base.da_nac_nM);
    CHECK(std::abs(o.da_pfc_nM / base.da_pfc_nM - 1.0) < 0.25);
}

TEST_CASE("6. NAc depletion or D2 antagonist: fewer presses, more chow, same total (Salamone 1991)") {
    const auto control = run("effort_choice");
    for (const nm::Inputs& in : {with(&nm::Inputs::nac_depletion, 0.8), with(&nm::Inputs::d2_antagonist, 0.5)}) {
        const auto r = run("effort_choice", {}, in);
        CHECK(r.scalar("lever_presses") <= 0.6 * control.scalar("lever_presses"));
        CHECK(r.scalar("chow_g") >= 2.0 * control.scalar("chow_g"));
        CHECK(std::abs(r.scalar("total_intake_g") / control.scalar("total_intake_g") - 1.0) <= 0.15);
    }
}

TEST_CASE("7. the depletion deficit grows with the ratio: none at FR1, FR4 < FR16 < FR64 (Aberman & Salamone 1999)") {
    auto deficit = [](double ratio) {
        const auto c = run("effort_choice", {{"ratio", ratio}, {"chow", 0}});
        const auto d = run("effort_choice", {{"ratio", ratio}, {"chow", 0}}, with(&nm::Inputs::nac_depletion, 0.8));
        return 1.0 - d.scalar("lever_presses") / c.scalar("lever_presses");
    };
    const double fr1 = deficit(1), fr4 = deficit(4), fr16 = deficit(16), fr64 = deficit(64);
    CHECK(fr1 < 0.1);
    CHECK(fr4 < fr16);
    CHECK(fr16 < fr64);
}

TEST_CASE("8. pre-feeding lowers both lever presses and chow (Salamone 1991)") {
    const auto control = run("effort_choice"), fed = run("effort_choice", {{"prefeed", 1}});
    CHECK(fed.scalar("lever_presses") < control.scalar("lever_presses"));
    CHECK(fed.scalar("chow_g") < control.scalar("chow_g"));
}

TEST_CASE("9. doubling the reward rate shortens latency x0.71, dopamine 0.5 lengthens it (Niv 2007)") {
    const double l4 = run("vigor", {{"reward_rate_per_min", 4}}).scalar("response_latency_s");
    const double l8 = run("vigor", {{"reward_rate_per_min", 8}}).scalar("response_latency_s");
    CHECK(l8 / l4 == doctest::Approx(0.707).epsilon(0.02));
    CHECK(steady(with(&nm::Inputs::dopamine, 0.5)).response_latency_s > 1.1 * steady(nm::Inputs{}).response_latency_s);
}

TEST_CASE("10. near-total NAc depletion cuts wanting, not liking (Berridge & Robinson 1998)") {
    const nm::Outputs base = steady(nm::Inputs{}), o = steady(with(&nm::Inputs::nac_depletion, 0.95));
    CHECK(o.wanting <= 0.5 * base.wanting);
    CHECK(std::abs(o.liking / base.liking - 1.0) < 0.05);
}

TEST_CASE("11. working memory is an inverted U of PFC D1 stimulation (Vijayraghavan 2007)") {
    const auto r = run("pfc_dose");
    const auto& wm = *r.array("working_memory");
    const auto& d1 = *r.array("d1_stimulation");
    REQUIRE(wm.size() == d1.size());
    CHECK(std::is_sorted(d1.begin(), d1.end()));
    const double peak = *std::max_element(wm.begin(), wm.end());
    CHECK(wm.front() < 0.7 * peak);
    CHECK(wm.back() < 0.7 * peak);
}

TEST_CASE("12. vigilance peaks near typical NE and is lower at 0.2 and 2 (Aston-Jones & Cohen 2005)") {
    const double v1 = steady(nm::Inputs{}).vigilance;
    CHECK(steady(with(&nm::Inputs::norepinephrine, 0.2)).vigilance < v1);
    CHECK(steady(with(&nm::Inputs::norepinephrine, 2.0)).vigilance < v1);
    CHECK(steady(with(&nm::Inputs::norepinephrine, 0.8)).vigilance > 0.9 * v1);
}

TEST_CASE("13. serotonin stimulation lengthens waiting ~45% at p = 0.75 (Miyazaki 2014)") {
    const double off = run("waiting").scalar("giving_up_time_s");
    const double on = run("waiting", {{"serotonin_stim", 1}}).scalar("giving_up_time_s");
    CHECK(off == doctest::Approx(12.0).epsilon(0.1));
    CHECK(on / off == doctest::Approx(1.45).epsilon(0.1));
    CHECK(run("waiting", {{"reward_probability", 0.25}, {"serotonin_stim", 1}}).scalar("giving_up_time_s") < 0.5 * off);
}

TEST_CASE("14. a 5-HT2C agonist lowers VTA firing (~-50%) and NAc DA (~-25%), DA less than firing (Di Matteo 1999)") {
    const nm::Outputs base = steady(nm::Inputs{}), o = steady(with(&nm::Inputs::ht2c_agonist, 1.0));
    const double firing_drop = 1.0 - o.vta_rate_hz / base.vta_rate_hz;
    const double da_drop = 1.0 - o.da_nac_nM / base.da_nac_nM;
    CHECK(firing_drop == doctest::Approx(0.5).epsilon(0.2));
    CHECK(da_drop == doctest::Approx(0.25).epsilon(0.3));
    CHECK(da_drop < firing_drop);
}

TEST_CASE("15. overt hypothyroidism slows, lowers mood and drive, treatment recovers them (Samuels 2014)") {
    nm::Inputs in;
    nm::State s = nm::make_state(in, 1);
    nm::advance(s, in, 30.0);
    const nm::Outputs healthy = nm::outputs(s, in);
    in.thyroid = 0.3;
    nm::advance(s, in, 30.0);  // 60 simulated days
    const nm::Outputs hypo = nm::outputs(s, in);
    CHECK(hypo.response_latency_s > 1.2 * healthy.response_latency_s);
    CHECK(hypo.mood < healthy.mood - 0.1);
    CHECK(hypo.motivation < healthy.motivation - 3.0);
    in.thyroid = 1.0;
    nm::advance(s, in, 30.0);
    const nm::Outputs treated = nm::outputs(s, in);
    CHECK(treated.response_latency_s == doctest::Approx(healthy.response_latency_s).epsilon(0.05));
    CHECK(treated.mood == doctest::Approx(healthy.mood).epsilon(0.05));
}

TEST_CASE("acute stress raises DA most in PFC (Abercrombie 1989), tier-C hormones stay modest") {
    const auto r = run("acute_stress");
    CHECK(r.scalar("da_pfc_change_pct") > r.scalar("da_nac_change_pct"));
    CHECK(r.scalar("da_pfc_change_pct") == doctest::Approx(95).epsilon(0.3));
    CHECK(r.scalar("da_nac_change_pct") == doctest::Approx(39).epsilon(0.4));
    const double base = steady(nm::Inputs{}).motivation;
    CHECK(std::abs(steady(with(&nm::Inputs::testosterone, 0.0)).motivation - base) < 5.0);
    CHECK(std::abs(steady(with(&nm::Inputs::testosterone, 2.0)).motivation - base) < 5.0);
}
