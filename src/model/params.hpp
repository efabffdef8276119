// params.hpp - every physiological number of the model, each with its source and evidence tier.
// Internal to src/model/. Pure constants: no UI, no I/O. docs/MODEL.md lists the same table.
#pragma once

namespace neurodrive::model::params {

// [SECTION] VTA dopamine neurons
constexpr double kVtaTonicHz = 4.5;          // Grace & Bunney 1984; Hyland 2002: 2-10 Hz, ~4-5 typical (A)
constexpr double kVtaNoiseHz = 0.3;          // irregular tonic firing, slow fluctuation (model choice)
constexpr double kVtaNoiseTauS = 0.3;
constexpr double kRpeGainHz = 25.0;          // Hz per unit TD error: an unpredicted reward reaches ~30 Hz,
                                             // the intraburst range 14-30 Hz (Grace & Bunney; Deister 2009) (A)
constexpr double kTdBinS = 0.1;              // TD time bin; a burst lasts one bin (burst 50-300 ms) (A)
constexpr double kTdGamma = 0.98;            // discount per bin (Schultz, Dayan & Montague 1997) (A)
constexpr double kTdLambda = 0.9;            // eligibility decay: no bin-by-bin creep (Pan et al. 2005) (A)
constexpr double kTdAlpha = 0.2;             // learning rate per trial (model choice: learns within ~10 trials)
constexpr int kRewardBin = 15;               // reward 1.5 s after the cue (typical Pavlovian delay)

// [SECTION] Release and clearance, nucleus accumbens (mesolimbic)
constexpr double kDaNacRestNM = 11.0;        // Abercrombie 1989 microdialysis, NAc ~11 nM (A; method-dependent)
constexpr double kDatVmaxNMps = 1500.0;      // Dreyer 2010: Vmax ~1.5 uM/s in NAc (A)
constexpr double kDatKmNM = 160.0;           // Dreyer 2010: Km ~160 nM (A)
constexpr double kDatBlockMax = 0.85;        // full DAT block leaves 15% uptake (model choice)
constexpr double kDatOnLostTerminals = 0.5;  // half the DAT loss is offset by diffusion to intact terminals
constexpr double kDaDiffusionPerS = 0.4;     // non-DAT clearance (diffusion), 1/s (model choice)
constexpr double kPoolRefillS = 5.0;         // releasable pool refills over seconds (Michael & Wightman)
constexpr double kPoolUsePerSpike = 0.067;   // fraction of the pool used per spike: lower firing releases
                                             // more per spike, so release falls less than firing (B)
constexpr double kAutoreceptorGain = 0.6;    // terminal D2 autoreceptors reduce release (Lammel 2008; A)
constexpr double kD2KdNM = 10.0;             // D2 high affinity ~10 nM (Richfield 1989; Dreyer 2010) (A)
constexpr double kD1KdNM = 1000.0;           // D1 low affinity ~1 uM (Richfield 1989; Dreyer 2010) (A)
constexpr double kD2SignalTauS = 1.0;        // receptor signalling integrates over time (Hunger 2020) (B)
constexpr double kD1SignalTauS = 0.3;

// [SECTION] Release and clearance, prefrontal cortex (mesocortical)
constexpr double kDaPfcRestNM = 3.0;         // Abercrombie 1989: mPFC ~3 nM (A)
constexpr double kPfcClearPerS = 0.5;        // time constant ~2 s (Mundorf 2001: 1-3 s) (A)
constexpr double kPfcNetShare = 0.55;        // NET block raises PFC DA x2-4 (Carboni 1990) (A)
constexpr double kPfcComtShare = 0.375;      // COMT loss: +60% basal PFC DA (Kaenmaki 2010) (A)
constexpr double kD1PfcAgonistMax = 6.0;     // full D1 agonist: 6x typical PFC D1 stimulation (model choice)
constexpr double kPfcOptimum = 1.3;          // typical PFC sits a little below the WM optimum (Cools & D'Esposito 2011) (A)
constexpr double kPfcWidth = 0.8;            // width of the inverted U on a log scale (Vijayraghavan 2007) (A)

// [SECTION] Modulators
constexpr double kLcTonicHz = 2.0;           // awake LC 1-3 Hz (Berridge & Waterhouse 2003) (A)
constexpr double kLcPhasicHz = 8.0;          // target-locked phasic burst (Aston-Jones 1994) (A)
constexpr double kLcPhasicTauS = 0.15;
constexpr double kLcGainWidth = 0.9;         // inverted U of performance vs tonic LC (Aston-Jones & Cohen 2005) (A/B)
constexpr double kRapheHz = 2.5;             // dorsal raphe awake ~2-3 Hz (Jacobs & Azmitia 1992) (A)
constexpr double kNetBlockNeGain = 1.0;      // NET block doubles cortical NE (model choice, direction A)
constexpr double kHt2cMaxRestraint = 0.5;    // 5-HT2C agonist: VTA firing up to -50% (Di Matteo 1999) (A/B)
constexpr double kSerotoninRestraint = 0.1;  // endogenous 5-HT2C tone per unit serotonin (Di Matteo 1999) (B)
constexpr double kWaitBaseS = 12.0;          // giving-up time ~12 s at p = 0.75 (Miyazaki 2014) (B)
constexpr double kWaitThresholdOdds = 1.24;  // keep waiting while the odds of reward exceed this
constexpr double kSerotoninPriorExp = 0.585; // doubled 5-HT -> odds x1.5 -> ~17.5 s; none at p <= 0.25 (Miyazaki 2014/2018) (B)

// [SECTION] Hormone clock (compressed: 1 simulated second = 2 days)
constexpr double kHormoneDaysPerS = 2.0;
constexpr double kEstradiolTauDays = 1.0;    // membrane <30 min, genomic hours-days (Becker 1990) (A)
constexpr double kTestosteroneTauDays = 2.0; // hours-days
constexpr double kThyroidTauDays = 10.0;     // T4 half-life ~7 d; clinical effects over weeks (Samuels 2014) (B)
constexpr double kStressTauDays = 7.0;       // chronic stress effects build over weeks (Moore 2001: 17 d) (B)
constexpr double kAcuteStressTauS = 1.5;     // acute response, minutes in reality (compressed)
constexpr double kEstradiolReleaseGain = 0.2;   // estradiol potentiates striatal DA release (Becker 1990) (A rodents)
constexpr double kEstradiolPfcGain = 0.1;       // and PFC DA a little (Jacobs & D'Esposito 2011) (B)
constexpr double kTestosteroneSalience = 0.08;  // modest gain on incentive salience (Hermans 2010) (C)
constexpr double kThyroidSynthesis = 0.05;      // tiny DA-synthesis effect (C)
constexpr double kStressVtaLoss = 0.45;      // chronic stress: fewer active VTA neurons (Moore 2001: -64%) (B)
constexpr double kStressHedonicLoss = 0.15;  // anhedonia-like blunting (Papp 1991) (B)
constexpr double kAcuteNacGain = 0.45;       // acute stressor: NAc DA +39% (Abercrombie 1989) (B)
constexpr double kAcutePfcGain = 0.95;       // and PFC DA +95% (Abercrombie 1989) (B)
constexpr double kAcuteNeGain = 0.6;         // LC activation by stressors (Valentino & Van Bockstaele 2008) (A)

// [SECTION] Behaviour
constexpr double kLatencyBaseS = 1.0;        // typical response latency (model scale)
constexpr double kRewardRatePerMin = 4.0;    // typical environment: 4 rewards per minute
constexpr double kVigorHalfS = 1.5;          // vigor = 1 / (1 + latency / 1.5 s)
constexpr double kWantingK = 1.05;           // wanting = 1 - exp(-k S): 0.65 at typical S = 1
constexpr double kLikingTypical = 0.7;
constexpr double kMoodTypical = 0.65;

// Drive weights (sum 1): motivation = 100 * sum(w_i * component_i). See docs/MODEL.md.
constexpr double kWeightWanting = 0.25;
constexpr double kWeightVigor = 0.20;
constexpr double kWeightEffort = 0.20;
constexpr double kWeightExecutive = 0.15;
constexpr double kWeightVigilance = 0.10;
constexpr double kWeightMood = 0.10;

}  // namespace neurodrive::model::params
