// params.hpp - every constant of the model in one table: value, unit, evidence tier, whether it was
// calibrated (and to which finding of the registry, findings.hpp), and its source. The model reads a
// Params struct (the published defaults unless a caller gives another, e.g. a perturbed copy).
// Pure C++17: no I/O. docs/MODEL.md is generated from this table (`neurodrive-cli params --markdown`).
#pragma once

#include <string_view>

namespace neurodrive::model {

// X(name, value, unit, tier, calibrated_to, perturb, source)
//   calibrated_to: id of the finding whose number set this value ("" = not fitted to any finding)
//   perturb: 1 = scaled by `neurodrive-cli validate --perturb`; 0 = not a physiological quantity: the task, the clock,
//            the learning rule, the scale of a manipulation, or the shape (exponent) of a function
#define ND_PARAMS(X)                                                                                                     \
    /* [SECTION] VTA dopamine neurons: two populations */                                                                \
    X(ml_tonic_hz, 4.5, "Hz", "A", "", 1, "mesolimbic VTA DA neurons fire 2-10 Hz, ~4-5 typical (Grace & Bunney 1984; Hyland et al. 2002)") \
    X(mc_tonic_hz, 6.0, "Hz", "C", "", 1, "mesocortical VTA DA neurons fire faster (Chiodo et al. 1984; Lammel et al. 2008); the value is a model choice within 2-10 Hz") \
    X(vta_noise_hz, 0.3, "Hz", "C", "", 1, "irregular tonic firing: slow Ornstein-Uhlenbeck fluctuation (model choice)") \
    X(vta_noise_tau_s, 0.3, "s", "C", "", 1, "time constant of that fluctuation (model choice)")                         \
    X(burst_gain_hz, 25.0, "Hz per unit TD error", "A", "burst_shape", 1, "an unpredicted reward drives ~25-30 Hz, the intraburst range 14-30 Hz (Grace & Bunney 1984; Hyland et al. 2002)") \
    X(burst_s, 0.2, "s", "A", "burst_shape", 1, "bursts and pauses last 50-300 ms (Schultz & Romo 1990; Grace & Bunney 1984)") \
    X(max_rate_hz, 40.0, "Hz", "A", "", 1, "DA neurons seldom fire above ~30-40 Hz even in bursts (Grace & Bunney 1984; Hyland et al. 2002)") \
    X(mc_phasic_share, 0.5, "fraction", "C", "", 1, "mesocortical neurons carry a smaller share of the reward prediction error than mesolimbic ones (model choice, tier C)") \
    X(sd_auto_ml, 0.8, "fraction", "C", "", 1, "somatodendritic D2 autoreceptors inhibit mesolimbic firing (Bunney, Walters, Roth & Aghajanian 1973; Einhorn, Johansen & White 1988); the size is a model choice") \
    X(sd_auto_mc, 0.1, "fraction", "C", "", 1, "mesocortical neurons have weak or no somatodendritic autoreceptor inhibition (Lammel et al. 2008; Chiodo et al. 1984); the size is a model choice") \
    X(da_vta_rest_nM, 4.0, "nM", "C", "", 1, "somatodendritic DA in the VTA: a few nM, below striatal levels (model choice)") \
    X(vta_da_tau_s, 0.25, "s", "C", "", 1, "dendritic DA acts for a few hundred ms (model choice)")                      \
    X(stress_active_loss, 0.64, "per unit excess load", "B", "chronic_stress_vta", 1, "a chronic stressor leaves fewer VTA DA neurons spontaneously active; those still active fire normally (Moore, Rose & Grace 2001: 17 days of cold, -64%); linking it to the glucocorticoid load is a model assumption") \
    X(ht2c_max_restraint, 0.54, "fraction", "B", "ht2c_restraint", 1, "a full dose of a 5-HT2C agonist lowers VTA DA firing by about half (Di Matteo et al. 2000)") \
    X(ht2c_tone, 0.2, "fraction", "C", "", 1, "5-HT2C receptors restrain VTA DA at rest: blocking them raises DA firing and release (Di Matteo et al. 1999); the size is a model choice") \
    X(ht2c_constitutive, 0.85, "fraction", "C", "", 1, "share of that restraint that needs no 5-HT: 5-HT2C receptors are constitutively active (De Deurwaerdere et al. 2004); the size is a model choice") \
    X(acute_nac_gain, 0.45, "per unit stressor", "B", "acute_stress", 1, "an acute stressor raises DA release in NAc: calibrated to +39% (Abercrombie et al. 1989)") \
    X(acute_dstr_gain, 0.27, "per unit stressor", "B", "acute_stress", 1, "and in dorsal striatum: calibrated to +25% (Abercrombie et al. 1989)") \
    X(acute_pfc_gain, 0.95, "per unit stressor", "B", "acute_stress", 1, "and most in PFC: calibrated to +95% (Abercrombie et al. 1989)") \
    /* [SECTION] Temporal-difference learning */                                                                         \
    X(td_gamma, 0.98, "per 0.1 s bin", "C", "", 0, "temporal discount of TD learning (Schultz, Dayan & Montague 1997 use the TD form; the value is a model choice)") \
    X(td_lambda, 0.9, "", "C", "no_creep", 0, "eligibility decay, chosen so that the burst does not creep backwards bin by bin (model choice)") \
    X(td_alpha, 0.2, "per trial", "C", "", 1, "learning rate: learns within ~10 trials (model choice)")                  \
    /* [SECTION] Striatum: release, uptake, receptors */                                                                 \
    X(da_nac_rest_nM, 11.0, "nM", "A", "resting_levels", 1, "resting NAc DA ~11 nM by microdialysis (Abercrombie et al. 1989); method-dependent") \
    X(da_dstr_rest_nM, 10.0, "nM", "A", "resting_levels", 1, "resting dorsal striatal DA ~10 nM (Abercrombie et al. 1989)") \
    X(dat_vmax_nac_nMps, 1500.0, "nM/s", "B", "", 1, "DAT Vmax in NAc ~1.5 uM/s (Dreyer et al. 2010, a model's parameter from voltammetry)") \
    X(dat_vmax_dstr_nMps, 4000.0, "nM/s", "B", "", 1, "DAT Vmax in dorsal striatum ~4 uM/s (Dreyer et al. 2010; Calipari et al. 2012)") \
    X(dat_km_nM, 160.0, "nM", "B", "", 1, "DAT Km ~160 nM (Dreyer et al. 2010)")                                         \
    X(dat_block_max, 0.85, "fraction", "C", "", 0, "a full DAT block removes 85% of uptake (model choice)")              \
    X(dat_on_lost_terminals, 0.5, "fraction", "C", "", 1, "lost NAc terminals take half their DAT with them; the rest is diffusion to intact terminals (model choice)") \
    X(diffusion_per_s, 0.4, "1/s", "C", "", 1, "non-DAT clearance by diffusion (model choice)")                          \
    X(pool_refill_s, 5.0, "s", "C", "", 1, "the releasable pool refills over seconds (Michael & Wightman 1999); the value is a model choice") \
    X(pool_use_per_spike, 0.067, "fraction", "C", "", 1, "share of the pool used per spike: release falls less than firing (model choice)") \
    X(term_auto_max, 0.6, "fraction", "C", "", 1, "terminal D2 autoreceptors brake release (Benoit-Marand, Borrelli & Gonon 2001); the size is a model choice") \
    X(term_auto_tau_s, 0.3, "s", "B", "", 1, "the terminal brake acts within a few hundred ms (Benoit-Marand, Borrelli & Gonon 2001)") \
    X(d2_kd_nM, 10.0, "nM", "A", "", 1, "D2 receptors mostly high affinity, EC50 ~10 nM (Richfield et al. 1989; Dreyer et al. 2010)") \
    X(d1_kd_nM, 1000.0, "nM", "A", "", 1, "D1 receptors mostly low affinity, EC50 ~1 uM (Richfield et al. 1989; Dreyer et al. 2010)") \
    X(receptor_tau_s, 0.5, "s", "C", "", 1, "D1 and D2 receptor populations respond alike to tonic and phasic DA (Hunger, Kumar & Schmidt 2020, who find integration over minutes); 0.5 s is a much faster model choice so that a burst shows within a second") \
    X(d2_drug_top_occupancy, 0.9, "fraction", "C", "", 0, "share of D2 receptors the antagonist holds at resting DA at full effect; the input scales that occupancy, and catalepsy appears above ~80% (Wadenberg et al. 2001); the value is a model choice") \
    X(direct_floor, 0.6, "x typical", "C", "", 1, "direct-pathway activity left with no D1 stimulation (cortical drive alone; model choice)") \
    X(direct_half, 2.0, "x typical D1 stimulation", "C", "", 1, "D1 stimulation giving half of the D1 excitation of direct-pathway neurons (model choice)") \
    X(indirect_d2_max, 0.9, "fraction", "C", "catalepsy", 1, "share of indirect-pathway activity D2 receptors can suppress (D2 inhibits indirect-pathway neurons: Gerfen & Surmeier 2011); set so that a 90% D2 occupancy is cataleptic and 45% is not (Wadenberg et al. 2001)") \
    X(indirect_exponent, 3.0, "", "C", "", 0, "steepness of the D2 effect on indirect-pathway output (model choice")     \
    X(stereotypy_tau_s, 10.0, "s", "C", "", 1, "stereotypy reflects sustained, not phasic, dorsal striatal output (model choice)") \
    X(stereotypy_go_half, 7.5, "x typical dorsal go", "C", "striatal_inverted_u,top_of_dopamine", 1, "dorsal direct/indirect balance at which half of behaviour is stereotyped (calibrated to the stimulant inverted U, Lyon & Robbins 1975)") \
    X(stereotypy_hill, 5.0, "", "C", "", 0, "steepness of the switch to stereotypy (model choice")                       \
    /* [SECTION] Prefrontal cortex */                                                                                    \
    X(da_pfc_rest_nM, 3.0, "nM", "A", "resting_levels", 1, "resting mPFC DA ~3 nM (Abercrombie et al. 1989)")            \
    X(pfc_clear_per_s, 0.5, "1/s", "B", "", 1, "slow PFC clearance, time constant 1-3 s (Mundorf et al. 2001)")          \
    X(pfc_net_share, 0.55, "fraction", "B", "net_block_pfc", 1, "share of PFC DA cleared by NET: NET inhibition raises PFC DA two- to four-fold (Kaenmaki et al. 2010); PFC DA is cleared by NET (Carboni et al. 1990)") \
    X(pfc_comt_share, 0.375, "fraction", "B", "comt_pfc", 1, "share cleared through COMT: COMT loss +60% basal PFC DA (Kaenmaki et al. 2010)") \
    X(d1_pfc_agonist_max, 6.0, "x typical", "C", "", 1, "a full PFC D1 agonist dose: 6x typical D1 stimulation (model choice)") \
    X(pfc_optimum, 1.6, "x typical D1 stimulation", "C", "", 1, "the typical PFC sits below its working-memory optimum, so a modest DA boost helps it (Cools & D'Esposito 2011); the value is a model choice") \
    X(pfc_width, 0.8, "log units", "C", "", 1, "width of the inverted U (model choice; the shape follows Vijayraghavan et al. 2007)") \
    X(pfc_ne_optimum, 1.3, "x typical NE", "C", "acute_stress_pfc", 1, "high NE, through alpha1 receptors, takes PFC function offline under stress (Arnsten 2009); the NE level above which it starts is a model choice") \
    X(pfc_ne_width, 0.4, "log units", "C", "", 1, "how fast working memory falls with NE above that level (model choice)") \
    X(executive_floor, 0.15, "0-1", "-", "", 0, "executive control left with no PFC DA: impaired, not absent (model scale)") \
    X(executive_peak, 0.85, "0-1", "-", "", 0, "executive control at the PFC optimum (model scale: no brain is perfect)") \
    /* [SECTION] Locus coeruleus (norepinephrine) */                                                                     \
    X(lc_tonic_hz, 2.0, "Hz", "A", "", 1, "awake LC fires 1-3 Hz (Berridge & Waterhouse 2003)")                          \
    X(lc_phasic_hz, 8.0, "Hz", "C", "", 1, "size of the target-locked LC burst in the focused mode (Aston-Jones et al. 1994); the value is a model choice") \
    X(lc_phasic_tau_s, 0.15, "s", "B", "", 1, "LC phasic response ~100-200 ms (Aston-Jones et al. 1994)")                \
    X(lc_a2_max, 0.6, "fraction", "C", "", 1, "alpha2 autoreceptors inhibit LC firing, so a NET blocker slows the LC (Cedarbaum & Aghajanian 1976; Szabo & Blier 2001); the size is a model choice") \
    X(ne_tau_s, 0.5, "s", "C", "", 1, "time constant of extracellular NE (model choice)")                                \
    X(ne_net_share, 0.8, "fraction", "C", "", 1, "share of NE cleared by NET (model choice)")                            \
    X(lc_mode_low, 1.05, "x typical", "C", "", 1, "tonic NE at which engagement has half risen out of the drowsy, disengaged mode (Aston-Jones & Cohen 2005); the value is a model choice") \
    X(lc_mode_high, 1.5, "x typical", "C", "", 1, "tonic NE at which phasic responsiveness has half fallen into the distractible mode (Aston-Jones & Cohen 2005); the value is a model choice") \
    X(lc_mode_hill, 3.0, "", "C", "", 0, "steepness of both mode changes (model choice")                                 \
    X(vigilance_peak, 0.85, "0-1", "-", "", 0, "vigilance at the best tonic LC level (model scale)")                     \
    X(acute_ne_gain, 1.2, "per unit stressor", "C", "", 1, "stressors activate the LC (Valentino & Van Bockstaele 2008); the size is a model choice") \
    X(thyroid_adrenergic, 0.8, "per unit thyroid", "C", "thyroid_excess", 1, "thyroid hormone raises adrenergic responsiveness: anxiety, restlessness and poor concentration in excess (Bauer, Goetz, Glenn & Whybrow 2008); the size is set so that a doubled level pushes tonic NE past its optimum") \
    X(anxiety_mood, 0.3, "fraction", "C", "", 1, "excess adrenergic tone lowers mood (anxiety; Bauer, Goetz, Glenn & Whybrow 2008); the size is a model choice") \
    /* [SECTION] Dorsal raphe (serotonin) */                                                                             \
    X(raphe_hz, 2.5, "Hz", "A", "", 1, "awake dorsal raphe ~2-3 Hz (Jacobs & Azmitia 1992)")                             \
    X(ht1a_max, 0.9, "fraction", "C", "", 1, "5-HT1A autoreceptors inhibit raphe firing (Blier & de Montigny 1994); the size is a model choice") \
    X(ht1a_kd, 1.5, "x typical 5-HT", "C", "", 1, "5-HT1A autoreceptor half-activation, Hill 2 (model choice)")          \
    X(ht_raphe_tau_s, 0.5, "s", "C", "", 1, "time constant of 5-HT near the raphe (model choice)")                       \
    X(ht_forebrain_tau_s, 2.0, "s", "C", "", 1, "time constant of forebrain 5-HT (model choice)")                        \
    X(sert_share_raphe, 0.95, "fraction", "C", "", 1, "SERT clears nearly all 5-HT at the dense raphe (model choice)")   \
    X(sert_share_forebrain, 0.8, "fraction", "C", "", 1, "and most of forebrain 5-HT (model choice)")                    \
    X(ht1a_desens_max, 0.7, "fraction", "C", "", 1, "sustained 5-HT1A activation desensitises the autoreceptors (Blier & de Montigny 1994); the size is a model choice") \
    X(ht1a_desens_half, 0.5, "x typical occupancy excess", "C", "", 1, "excess occupancy giving half the desensitisation (model choice)") \
    X(ht1a_tau_days, 7.0, "days", "B", "ssri_delay", 1, "desensitisation over 2-3 weeks: the delayed onset of SSRIs (Blier & de Montigny 1994)") \
    X(wait_base_s, 12.0, "s", "B", "waiting_5ht", 1, "giving-up time ~12 s at p = 0.75 (Miyazaki et al. 2014; 2018 for the 75% condition; the times are read from the papers' figures, not checked here)") \
    X(wait_floor_s, 3.0, "s", "B", "patience_floor", 1, "mice still wait seconds for an unlikely reward (Miyazaki et al. 2018)") \
    X(wait_threshold_odds, 1.6, "odds", "B", "waiting_probability", 1, "waiting lengthens only once the reward is likely: no 5-HT effect at p <= 0.5 (Miyazaki et al. 2018)") \
    X(wait_softness, 0.15, "log odds", "C", "", 1, "softness of that threshold (model choice)")                          \
    X(serotonin_prior_exp, 0.55, "", "B", "waiting_5ht", 1, "5-HT raises confidence that reward will come (Miyazaki et al. 2018): doubled 5-HT -> ~17.5 s (figures, not checked here)") \
    /* [SECTION] Hormone clock (compressed) */                                                                           \
    X(days_per_s, 2.0, "days per simulated s", "-", "", 0, "hormone clock: 1 simulated second = 2 days (teaching compression)") \
    X(estradiol_tau_days, 1.0, "days", "C", "", 1, "estradiol potentiates stimulated striatal DA release within 30 min (Becker 1990); the value is a model choice") \
    X(testosterone_tau_days, 2.0, "days", "C", "", 1, "testosterone acts over hours to days (model choice)")             \
    X(thyroid_tau_days, 10.0, "days", "B", "", 1, "thyroid hormone acts over days to weeks; clinical effects of treatment take weeks (Samuels 2014); the value is a model choice") \
    X(cortisol_tau_days, 1.0, "days", "C", "", 1, "adrenalectomy lowers accumbens shell DA and corticosterone restores it (Barrot et al. 2000); the time constant is a model choice") \
    X(stress_tau_days, 7.0, "days", "C", "", 1, "chronic stress effects build over weeks (Moore, Rose & Grace 2001: 17 days); the value is a model choice") \
    X(acute_stress_tau_s, 1.5, "s", "-", "", 1, "acute response builds over minutes in reality (compressed)")            \
    X(estradiol_release_gain, 0.2, "per unit estradiol", "C", "", 1, "estradiol potentiates stimulated striatal DA release within 30 min (Becker 1990); the size is a model choice") \
    X(estradiol_pfc_gain, 0.1, "per unit estradiol", "C", "", 1, "estradiol's effect on PFC function depends on baseline DA (Jacobs & D'Esposito 2011); the DA gain is a model choice") \
    X(testosterone_salience, 0.08, "per unit testosterone", "C", "", 1, "modest gain on incentive salience (Hermans et al. 2010; Packard et al. 1998) - mixed evidence") \
    X(thyroid_synthesis, 0.05, "per unit thyroid", "C", "", 1, "a tiny DA-synthesis effect (sparse, conflicting evidence; model choice)") \
    X(hypothyroid_floor, 0.3, "x typical", "C", "hypothyroid", 1, "overt hypothyroidism: fatigue, psychomotor slowing (Samuels 2014); the size is a model choice") \
    X(hyper_fatigue, 0.15, "per unit excess thyroid", "C", "", 1, "thyroid excess brings fatigue and poor concentration, not extra drive (Bauer, Goetz, Glenn & Whybrow 2008); the size is a model choice") \
    X(cort_release_support, 0.4, "fraction", "C", "", 1, "corticosterone supports accumbens (shell) DA; adrenalectomy lowers it (Barrot et al. 2000); the size is a model choice") \
    X(cort_fatigue, 0.3, "fraction", "C", "", 1, "glucocorticoid deficiency brings fatigue and apathy (adrenal insufficiency); the size is a model choice") \
    X(stress_hedonic_loss, 0.15, "per unit excess load", "C", "", 1, "chronic mild stress reduces reward sensitivity (Papp, Willner & Muscat 1991); splitting it into liking, wanting and mood, and its size, are model choices") \
    /* [SECTION] Behaviour */                                                                                            \
    X(latency_base_s, 1.0, "s", "-", "", 0, "typical response latency (model scale)")                                    \
    X(reward_rate_per_min, 4.0, "per min", "-", "", 0, "typical environment: 4 rewards per minute (model scale)")        \
    X(vigor_half_s, 1.5, "s", "-", "", 0, "vigor = 1 / (1 + latency / 1.5 s) (model scale)")                             \
    X(vigor_nac_weight, 0.5, "fraction", "C", "", 1, "weight of ventral vs dorsal striatal output in the vigor and activation signal (model choice)") \
    X(wanting_k, 1.05, "", "-", "", 0, "wanting = 1 - exp(-k S): 0.65 at typical salience S = 1 (model scale)")          \
    X(liking_typical, 0.7, "0-1", "-", "", 0, "typical hedonic reaction (model scale)")                                  \
    X(mood_typical, 0.65, "0-1", "-", "", 0, "typical mood (model scale)")                                               \
    X(mood_serotonin, 0.12, "per unit 5-HT", "C", "", 1, "forebrain 5-HT contributes modestly to mood: the low-serotonin theory of depression is not supported (Moncrieff et al. 2022); the size is a model choice") \
    X(mood_stress, 0.25, "per unit excess load", "C", "", 1, "chronic mild stress reduces reward sensitivity (Papp, Willner & Muscat 1991); the size is a model choice") \
    X(mood_dopamine, 0.15, "fraction", "C", "", 1, "tonic DA contributes a little to mood (model choice)")               \
    X(activation_go_half, 0.28, "x typical striatal go", "C", "aphagia", 1, "striatal direct/indirect balance at which half of actions, eating included, still start: near-total DA loss abolishes eating (Ungerstedt 1971; Zhou & Palmiter 1995), while about 9% of striatal DA restores feeding (Szczypka et al. 1999)") \
    X(activation_hill, 6.0, "", "C", "", 0, "steepness of that loss (model choice")                                      \
    X(pellet_g, 0.045, "g", "-", "", 0, "45 mg pellets (model scale)")                                                   \
    X(eat_pellet_s, 2.0, "s", "-", "", 0, "time to eat one pellet (model scale)")                                        \
    X(chow_g_per_s, 0.010, "g/s", "-", "", 0, "lab chow eaten from the cage floor (model scale)")                        \
    X(pellet_value, 3.0, "per g", "C", "", 1, "preferred food is worth more per gram than chow (Salamone et al. 1991); the value is a model choice") \
    X(work_discount_per_press, 0.35, "per press", "C", "effort_choice", 1, "value of food falls hyperbolically with the work it costs, 1 / (1 + k x presses / capacity) (model choice; calibrated so typical rats mostly press at FR5, Salamone et al. 1991)") \
    X(other_value_per_s, 0.0001, "value per s", "C", "", 1, "value of everything else (grooming, exploring) to a hungry rat: Herrnstein's extraneous reinforcement (Herrnstein 1970); it matters only when food is costly; the value is a model choice") \
    X(choice_sensitivity, 2.0, "", "C", "", 0, "time is shared in proportion to value raised to this power: above 1, choice leans toward the better option, as rats working on ratio schedules do (model choice") \
    X(satiety_g, 10.0, "g", "-", "", 0, "intake that ends hunger within a session (model scale)")                        \
    X(prefeed_g, 7.0, "g", "-", "", 0, "chow eaten before a pre-fed session (model scale)")                              \
    /* [SECTION] Drive weights (sum 1): motivation = 100 * sum(weight * component) */                                    \
    X(weight_wanting, 0.25, "", "-", "", 0, "drive weight of wanting (teaching choice)")                                 \
    X(weight_vigor, 0.20, "", "-", "", 0, "drive weight of vigor (teaching choice)")                                     \
    X(weight_effort, 0.20, "", "-", "", 0, "drive weight of effort willingness (teaching choice)")                       \
    X(weight_executive, 0.15, "", "-", "", 0, "drive weight of executive control (teaching choice)")                     \
    X(weight_vigilance, 0.10, "", "-", "", 0, "drive weight of vigilance (teaching choice)")                             \
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
