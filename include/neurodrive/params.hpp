// params.hpp - every constant of the model in one table: value, unit, evidence tier, whether it was
// calibrated (and to which finding of the registry, findings.hpp), and its source. The model reads a
// Params struct (the published defaults unless a caller gives another, e.g. a perturbed copy).
// Pure C++17: no I/O. docs/MODEL.md is generated from this table (`neurodrive-cli params --markdown`).
#pragma once

#include <string_view>

namespace neurodrive::model {

// X(name, value, unit, tier, calibrated_to, perturb, source)
//   calibrated_to: id of the finding whose number set this value ("" = not fitted to any finding)
//   perturb: 1 = scaled by `neurodrive-cli validate --perturb`; 0 = structural (task, clock, learning rule)
#define ND_PARAMS(X)                                                                                                  \
    /* [SECTION] VTA dopamine neurons: two populations */                                                            \
    X(ml_tonic_hz, 4.5, "Hz", "A", "", 1, "mesolimbic VTA DA neurons fire 2-10 Hz, ~4-5 typical (Grace & Bunney 1984; Hyland et al. 2002)") \
    X(mc_tonic_hz, 6.0, "Hz", "B", "", 1, "mesocortical VTA DA neurons fire faster (Chiodo et al. 1984; Lammel et al. 2008); value a model choice within 2-10 Hz") \
    X(vta_noise_hz, 0.3, "Hz", "C", "", 1, "irregular tonic firing: slow Ornstein-Uhlenbeck fluctuation (model choice)")          \
    X(vta_noise_tau_s, 0.3, "s", "C", "", 1, "time constant of that fluctuation (model choice)")                                     \
    X(burst_gain_hz, 25.0, "Hz per unit TD error", "A", "burst_shape", 1, "an unpredicted reward drives ~25-30 Hz, the intraburst range 14-30 Hz (Grace & Bunney 1984; Hyland et al. 2002)") \
    X(burst_s, 0.2, "s", "A", "burst_shape", 1, "bursts and pauses last 50-300 ms (Schultz & Romo 1990; Grace & Bunney 1984)")       \
    X(max_rate_hz, 40.0, "Hz", "A", "", 1, "DA neurons seldom fire above ~30-40 Hz even in bursts (Grace & Bunney 1984; Hyland et al. 2002)") \
    X(mc_phasic_share, 0.5, "fraction", "C", "", 1, "mesocortical neurons carry a weaker reward prediction error than mesolimbic ones (Lammel et al. 2011; model choice)") \
    X(sd_auto_ml, 0.8, "fraction", "A", "", 1, "somatodendritic D2 autoreceptors inhibit mesolimbic firing (Bunney et al. 1973; Einhorn et al. 1988; Beckstead et al. 2004); size a model choice") \
    X(sd_auto_mc, 0.1, "fraction", "B", "", 1, "mesocortical neurons have weak or no somatodendritic autoreceptor inhibition (Lammel et al. 2008; Chiodo et al. 1984)") \
    X(da_vta_rest_nM, 4.0, "nM", "C", "", 1, "somatodendritic DA in the VTA: a few nM, below striatal levels (model choice)")         \
    X(vta_da_tau_s, 0.25, "s", "B", "", 1, "dendritic DA acts for a few hundred ms (D2 IPSCs, Beckstead et al. 2004)")                \
    X(stress_vta_loss, 0.45, "per unit excess load", "B", "chronic_stress_vta", 1, "chronic stress leaves fewer VTA DA neurons active (Moore, Rose & Grace 2001: -64% after 17 days of cold)") \
    X(ht2c_max_restraint, 0.5, "fraction", "A", "ht2c_restraint", 1, "a 5-HT2C agonist lowers VTA firing by up to ~50% via GABA interneurons (Di Matteo et al. 1999)") \
    X(serotonin_restraint, 0.4, "fraction", "B", "", 1, "endogenous 5-HT2C tone restrains VTA DA (Di Matteo et al. 1999); size a model choice") \
    X(acute_nac_gain, 0.45, "per unit stressor", "B", "acute_stress", 1, "an acute stressor raises DA release in NAc: calibrated to +39% (Abercrombie et al. 1989)") \
    X(acute_pfc_gain, 0.95, "per unit stressor", "B", "acute_stress", 1, "and more in PFC: calibrated to +95% (Abercrombie et al. 1989)") \
    /* [SECTION] Temporal-difference learning */                                                                      \
    X(td_gamma, 0.98, "per 0.1 s bin", "A", "", 0, "temporal discount of TD learning (Schultz, Dayan & Montague 1997)")               \
    X(td_lambda, 0.9, "", "A", "", 0, "eligibility decay: no bin-by-bin backward creep of the burst (Pan et al. 2005)")                \
    X(td_alpha, 0.2, "per trial", "B", "", 1, "learning rate: learns within ~10 trials (model choice)")                                \
    /* [SECTION] Striatum: release, uptake, receptors */                                                              \
    X(da_nac_rest_nM, 11.0, "nM", "A", "resting_levels", 1, "resting NAc DA ~11 nM by microdialysis (Abercrombie et al. 1989); method-dependent") \
    X(da_dstr_rest_nM, 10.0, "nM", "A", "resting_levels", 1, "resting dorsal striatal DA ~10 nM (Abercrombie et al. 1989)")          \
    X(dat_vmax_nac_nMps, 1500.0, "nM/s", "A", "", 1, "DAT Vmax in NAc ~1.5 uM/s (Dreyer et al. 2010)")                               \
    X(dat_vmax_dstr_nMps, 4000.0, "nM/s", "A", "", 1, "DAT Vmax in dorsal striatum ~4 uM/s (Dreyer et al. 2010; Calipari et al. 2012)") \
    X(dat_km_nM, 160.0, "nM", "A", "", 1, "DAT Km ~160 nM (Dreyer et al. 2010)")                                                       \
    X(dat_block_max, 0.85, "fraction", "B", "", 1, "a full DAT block removes 85% of uptake (model choice)")                            \
    X(dat_on_lost_terminals, 0.5, "fraction", "C", "", 1, "lost NAc terminals take half their DAT with them; the rest is diffusion to intact terminals (model choice)") \
    X(diffusion_per_s, 0.4, "1/s", "C", "", 1, "non-DAT clearance by diffusion (model choice)")                                        \
    X(pool_refill_s, 5.0, "s", "B", "", 1, "the releasable pool refills over seconds (Michael & Wightman 1999)")                      \
    X(pool_use_per_spike, 0.067, "fraction", "B", "", 1, "share of the pool used per spike: release falls less than firing (model choice)") \
    X(fac_tau_s, 0.2, "s", "B", "", 1, "short-term facilitation of DA release decays within a few hundred ms (Cragg 2003; Rice & Cragg 2004)") \
    X(fac_per_spike, 0.3, "fraction", "B", "", 1, "facilitation added per spike, saturating (Cragg 2003); model choice") \
    X(fac_gain, 10.0, "", "B", "cue_da", 1, "bursts release more DA per spike than tonic firing (Gonon 1988; Tsai et al. 2009): calibrated to the ~67 nM cue-evoked NAc transient (Roitman et al. 2004)") \
    X(term_auto_max, 0.6, "fraction", "A", "", 1, "terminal D2 autoreceptors brake release (Benoit-Marand, Borrelli & Gonon 2001); size a model choice") \
    X(term_auto_tau_s, 0.3, "s", "A", "", 1, "the terminal brake acts within a few hundred ms (Benoit-Marand, Borrelli & Gonon 2001)") \
    X(d2_kd_nM, 10.0, "nM", "A", "", 1, "D2 receptors mostly high affinity, EC50 ~10 nM (Richfield et al. 1989; Dreyer et al. 2010)") \
    X(d1_kd_nM, 1000.0, "nM", "A", "", 1, "D1 receptors mostly low affinity, EC50 ~1 uM (Richfield et al. 1989; Dreyer et al. 2010)") \
    X(d2_signal_tau_s, 1.0, "s", "B", "", 1, "receptor signalling integrates over time (Hunger, Kumar & Schmidt 2020)")               \
    X(d1_signal_tau_s, 0.3, "s", "B", "", 1, "D1 signalling follows transients faster (Hunger, Kumar & Schmidt 2020; simplified)")   \
    X(stereotypy_tau_s, 10.0, "s", "C", "", 1, "stereotypy reflects sustained, not phasic, dorsal striatal stimulation (model choice)") \
    X(stereotypy_half, 3.0, "x typical D1 stimulation", "B", "striatal_inverted_u", 1, "dorsal striatal D1 stimulation at which half of behaviour is stereotyped (Lyon & Robbins 1975; Kelly, Seviour & Iversen 1975)") \
    X(stereotypy_hill, 4.0, "", "C", "", 1, "steepness of the switch to stereotypy (model choice)")                                     \
    /* [SECTION] Prefrontal cortex */                                                                                 \
    X(da_pfc_rest_nM, 3.0, "nM", "A", "resting_levels", 1, "resting mPFC DA ~3 nM (Abercrombie et al. 1989)")                        \
    X(pfc_clear_per_s, 0.5, "1/s", "A", "", 1, "slow PFC clearance, time constant 1-3 s (Mundorf et al. 2001)")                       \
    X(pfc_net_share, 0.55, "fraction", "A", "net_block_pfc", 1, "share of PFC DA cleared by NET: NET block raises PFC DA x2-4 (Carboni et al. 1990)") \
    X(pfc_comt_share, 0.375, "fraction", "A", "comt_pfc", 1, "share cleared through COMT: COMT loss +60% basal PFC DA (Kaenmaki et al. 2010)") \
    X(d1_pfc_agonist_max, 6.0, "x typical", "C", "", 1, "a full PFC D1 agonist dose: 6x typical D1 stimulation (model choice)")         \
    X(pfc_optimum, 1.3, "x typical D1 stimulation", "B", "", 1, "typical PFC sits a little below its working-memory optimum (Cools & D'Esposito 2011)") \
    X(pfc_width, 0.8, "log units", "B", "", 1, "width of the inverted U (Vijayraghavan et al. 2007)")                                  \
    /* [SECTION] Locus coeruleus (norepinephrine) */                                                                  \
    X(lc_tonic_hz, 2.0, "Hz", "A", "", 1, "awake LC fires 1-3 Hz (Berridge & Waterhouse 2003)")                                       \
    X(lc_phasic_hz, 8.0, "Hz", "A", "", 1, "target-locked LC burst in the focused mode (Aston-Jones et al. 1994)")                   \
    X(lc_phasic_tau_s, 0.15, "s", "A", "", 1, "LC phasic response ~100-200 ms (Aston-Jones et al. 1994)")                            \
    X(lc_a2_max, 0.6, "fraction", "A", "", 1, "alpha2 autoreceptors inhibit LC firing (Cedarbaum & Aghajanian 1976); size a model choice") \
    X(ne_tau_s, 0.5, "s", "C", "", 1, "time constant of extracellular NE (model choice)")                                             \
    X(ne_net_share, 0.8, "fraction", "B", "", 1, "share of NE cleared by NET (Iversen 1971; model choice)")                         \
    X(lc_mode_low, 0.5, "x typical", "B", "", 1, "below this tonic LC level the LC disengages: drowsy, weak phasic responses (Aston-Jones & Cohen 2005)") \
    X(lc_mode_high, 1.5, "x typical", "B", "", 1, "above this, phasic responses shrink: distractible mode (Aston-Jones & Cohen 2005)") \
    X(acute_ne_gain, 0.6, "per unit stressor", "A", "", 1, "stressors activate the LC (Valentino & Van Bockstaele 2008)")            \
    X(thyroid_adrenergic, 0.5, "per unit thyroid", "B", "", 1, "thyroid hormone raises adrenergic responsiveness: anxiety and restlessness in excess (Bauer et al. 2008); size a model choice") \
    X(anxiety_mood, 0.3, "fraction", "C", "", 1, "excess adrenergic tone lowers mood (anxiety; Bauer et al. 2008; model choice)")     \
    /* [SECTION] Dorsal raphe (serotonin) */                                                                          \
    X(raphe_hz, 2.5, "Hz", "A", "", 1, "awake dorsal raphe ~2-3 Hz (Jacobs & Azmitia 1992)")                                           \
    X(ht1a_max, 0.9, "fraction", "B", "", 1, "5-HT1A autoreceptors inhibit raphe firing (Blier & de Montigny 1994); size a model choice") \
    X(ht1a_kd, 1.5, "x typical 5-HT", "C", "", 1, "5-HT1A autoreceptor half-activation, Hill 2 (model choice)") \
    X(ht_raphe_tau_s, 0.5, "s", "C", "", 1, "time constant of 5-HT near the raphe (model choice)")                                     \
    X(ht_forebrain_tau_s, 2.0, "s", "C", "", 1, "time constant of forebrain 5-HT (model choice)")                                     \
    X(sert_share_raphe, 0.95, "fraction", "B", "", 1, "SERT clears nearly all 5-HT at the dense raphe (Bel & Artigas 1992; model choice)") \
    X(sert_share_forebrain, 0.8, "fraction", "B", "", 1, "and most of forebrain 5-HT (model choice)")                                 \
    X(ht1a_desens_max, 0.7, "fraction", "B", "", 1, "sustained 5-HT1A activation desensitises the autoreceptors (Blier & de Montigny 1994)") \
    X(ht1a_desens_half, 0.5, "x typical occupancy excess", "C", "", 1, "excess occupancy giving half the desensitisation (model choice)") \
    X(ht1a_tau_days, 7.0, "days", "B", "ssri_delay", 1, "desensitisation over 2-3 weeks: the delayed onset of SSRIs (Blier & de Montigny 1994)") \
    X(wait_base_s, 12.0, "s", "B", "waiting_5ht", 1, "giving-up time ~12 s at p = 0.75 (Miyazaki et al. 2014)")                      \
    X(wait_floor_s, 3.0, "s", "B", "patience_floor", 1, "mice still wait seconds for an unlikely reward (Miyazaki et al. 2018)")     \
    X(wait_threshold_odds, 1.6, "odds", "B", "waiting_probability", 1, "waiting lengthens only once the reward is likely: no 5-HT effect at p <= 0.5 (Miyazaki et al. 2018)") \
    X(wait_softness, 0.15, "log odds", "C", "", 1, "softness of that threshold (model choice)")                                         \
    X(serotonin_prior_exp, 0.55, "", "B", "waiting_5ht", 1, "5-HT raises confidence that reward will come: doubled 5-HT -> ~17.5 s (Miyazaki et al. 2014, 2018)") \
    /* [SECTION] Hormone clock (compressed) */                                                                        \
    X(days_per_s, 2.0, "days per simulated s", "-", "", 0, "hormone clock: 1 simulated second = 2 days (teaching compression)")     \
    X(estradiol_tau_days, 1.0, "days", "A", "", 1, "estradiol: membrane effects <30 min, genomic hours-days (Becker 1990)")          \
    X(testosterone_tau_days, 2.0, "days", "B", "", 1, "testosterone acts over hours to days")                                          \
    X(thyroid_tau_days, 10.0, "days", "B", "", 1, "T4 half-life ~7 days; clinical effects over weeks (Samuels 2014)")                \
    X(cortisol_tau_days, 1.0, "days", "B", "", 1, "glucocorticoid replacement restores NAc DA within days (Barrot et al. 2000)")      \
    X(stress_tau_days, 7.0, "days", "B", "", 1, "chronic stress effects build over weeks (Moore et al. 2001: 17 days)")             \
    X(acute_stress_tau_s, 1.5, "s", "B", "", 1, "acute response builds over minutes in reality (compressed)")                         \
    X(estradiol_release_gain, 0.2, "per unit estradiol", "A", "", 1, "estradiol potentiates stimulated striatal DA release within 30 min (Becker 1990) - rodents A, humans B") \
    X(estradiol_pfc_gain, 0.1, "per unit estradiol", "B", "", 1, "and PFC DA a little (Jacobs & D'Esposito 2011)")                   \
    X(testosterone_salience, 0.08, "per unit testosterone", "C", "", 1, "modest gain on incentive salience (Hermans et al. 2010; Packard et al. 1998) - mixed evidence") \
    X(thyroid_synthesis, 0.05, "per unit thyroid", "C", "", 1, "a tiny DA-synthesis effect (sparse, conflicting evidence)")           \
    X(hypothyroid_floor, 0.3, "x typical", "B", "hypothyroid", 1, "overt hypothyroidism: fatigue, psychomotor slowing (Samuels 2014)") \
    X(hyper_fatigue, 0.15, "per unit excess thyroid", "B", "", 1, "thyroid excess brings fatigue and poor concentration, not extra drive (Bauer et al. 2008)") \
    X(cort_release_support, 0.4, "fraction", "B", "", 1, "corticosterone supports NAc DA release; adrenalectomy lowers it (Barrot et al. 2000; Piazza & Le Moal 1996)") \
    X(cort_fatigue, 0.3, "fraction", "B", "", 1, "glucocorticoid deficiency brings fatigue and apathy (adrenal insufficiency)")       \
    X(stress_hedonic_loss, 0.15, "per unit excess load", "B", "", 1, "chronic stress blunts hedonic reactions (Papp, Willner & Muscat 1991)") \
    /* [SECTION] Behaviour */                                                                                          \
    X(latency_base_s, 1.0, "s", "-", "", 0, "typical response latency (model scale)")                                                  \
    X(reward_rate_per_min, 4.0, "per min", "-", "", 0, "typical environment: 4 rewards per minute (model scale)")                     \
    X(vigor_half_s, 1.5, "s", "-", "", 0, "vigor = 1 / (1 + latency / 1.5 s) (model scale)")                                            \
    X(vigor_nac_weight, 0.5, "fraction", "B", "", 1, "ventral and dorsal striatal DA both carry the vigor signal (Niv et al. 2007; Panigrahi et al. 2015)") \
    X(wanting_k, 1.05, "", "-", "", 0, "wanting = 1 - exp(-k S): 0.65 at typical salience S = 1 (model scale)")                        \
    X(liking_typical, 0.7, "0-1", "-", "", 0, "typical hedonic reaction (model scale)")                                               \
    X(mood_typical, 0.65, "0-1", "-", "", 0, "typical mood (model scale)")                                                              \
    X(mood_serotonin, 0.12, "per unit 5-HT", "C", "", 1, "forebrain 5-HT contributes modestly to mood; it is not a happiness chemical (Moncrieff et al. 2022)") \
    X(mood_stress, 0.25, "per unit excess load", "B", "", 1, "chronic stress lowers mood (Papp, Willner & Muscat 1991)") \
    X(mood_dopamine, 0.15, "fraction", "C", "", 1, "tonic DA contributes a little to mood (model choice)") \
    X(activation_half, 0.12, "x typical striatal DA", "A", "aphagia", 1, "near-total DA loss abolishes eating (Ungerstedt 1971; Zhou & Palmiter 1995)") \
    X(activation_hill, 3.0, "", "C", "", 1, "steepness of that loss (model choice)")                                                    \
    X(pellet_g, 0.045, "g", "-", "", 0, "45 mg pellets (Salamone et al. 1991)")                                                         \
    X(eat_pellet_s, 2.0, "s", "-", "", 0, "time to eat one pellet (model scale)")                                                       \
    X(chow_g_per_s, 0.010, "g/s", "-", "", 0, "lab chow eaten from the cage floor (model scale)")                                       \
    X(pellet_value, 3.0, "per g", "B", "", 1, "preferred food is worth more per gram than chow (Salamone et al. 1991; model scale)")   \
    X(press_cost, 0.008, "value per press", "B", "effort_choice", 1, "cost of one press: calibrated so typical rats mostly press at FR5 (Salamone et al. 1991)") \
    X(rest_utility, 0.01, "value per s", "C", "", 1, "value of doing something else (resting, grooming) when sated, as much as chow to a hungry rat; it falls with hunger (model choice)") \
    X(choice_temperature, 300.0, "", "C", "", 1, "sharpness of the time allocation (model choice)")                                    \
    X(satiety_g, 10.0, "g", "-", "", 0, "intake that ends hunger within a session (model scale)") \
    X(prefeed_g, 7.0, "g", "-", "", 0, "chow eaten before a pre-fed session (model scale)")                                      \
    /* [SECTION] Drive weights (sum 1): motivation = 100 * sum(weight * component) */                               \
    X(weight_wanting, 0.25, "", "-", "", 0, "drive weight of wanting (teaching choice)")                                                \
    X(weight_vigor, 0.20, "", "-", "", 0, "drive weight of vigor (teaching choice)")                                                   \
    X(weight_effort, 0.20, "", "-", "", 0, "drive weight of effort willingness (teaching choice)")                                     \
    X(weight_executive, 0.15, "", "-", "", 0, "drive weight of executive control (teaching choice)")                                   \
    X(weight_vigilance, 0.10, "", "-", "", 0, "drive weight of vigilance (teaching choice)")                                           \
    X(weight_mood, 0.10, "", "-", "", 0, "drive weight of mood (teaching choice)")

// The model's constants. A default-constructed Params holds the published defaults of ND_PARAMS.
struct Params {
#define ND_PARAM_FIELD(name, value, unit, tier, calib, perturb, source) double name = value;
    ND_PARAMS(ND_PARAM_FIELD)
#undef ND_PARAM_FIELD
};

struct ParamSpec {
    std::string_view name;
    double Params::*field;
    double value;               // the published default
    std::string_view unit;
    std::string_view tier;      // A, B, C, or "-" for model scale / teaching choices
    std::string_view calibrated_to;  // finding id, "" when not fitted
    bool perturb;               // scaled by the robustness check
    std::string_view source;
};

// The table above, in order.
const ParamSpec* param_specs(int* count);
const ParamSpec* find_param(std::string_view name);

}  // namespace neurodrive::model
