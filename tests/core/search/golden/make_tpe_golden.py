#!/usr/bin/python3
"""Golden values for Loupe's TPE, computed by hyperopt's and Optuna's own code.

Writes the headers next to this script (tests/core/search/golden/*.h), which the tests
tst_parzenestimator, tst_categoricalestimator, tst_multivariateparzen, tst_tpesplit and
tst_tpegolden include. The cases live in golden_hyperopt.py, golden_optuna.py and
golden_sampler.py (golden_common.py: imports, versions, C++ output). Run it again after changing
a case and commit the headers:

    apt-get install -y python3-numpy python3-scipy python3-optuna python3-networkx \
        python3-cloudpickle python3-tqdm
    HYPEROPT_SRC=/path/to/hyperopt-checkout /usr/bin/python3 tests/core/search/golden/make_tpe_golden.py

HYPEROPT_SRC is a checkout of github.com/hyperopt/hyperopt (0.3.0, commit c49ad14): the folder
that holds the `hyperopt` package. Nothing is stubbed: hyperopt imports with Debian's numpy,
scipy, networkx, cloudpickle and tqdm. What runs where:
  hyperopt  tpe.adaptive_parzen_samplers (ap_uniform_sampler ... ap_categorical_sampler) evaluated
            with pyll.rec_eval, the posterior's own *_lpdf functions as build_posterior calls them,
            tpe.normal_cdf for the accepted mass, tpe.ap_split_trials for the split.
  Optuna    optuna.samplers._tpe.parzen_estimator._ParzenEstimator (univariate and multivariate,
            TPESampler's default parameters) and sampler._split_observation_pairs.
One change to Optuna: _truncnorm.logpdf gets its upstream fix (optuna#5110, see golden_optuna.py).
The only values this script computes itself are the inputs (observations, points, histories) and
one transcription of Loupe's own rule (loupe_optuna_like_sigmas), used to say where Loupe's
Optuna-like bandwidths are expected to differ from Optuna's (golden_optuna.py).
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the tests

import numpy as np  # noqa: E402

import golden_common  # noqa: E402
import golden_hyperopt  # noqa: E402
import golden_optuna  # noqa: E402
import golden_sampler  # noqa: E402

if __name__ == "__main__":
    np.seterr(divide="ignore")
    golden_hyperopt.write_hyperopt_parzen()
    golden_hyperopt.write_hyperopt_categorical()
    golden_optuna.write_optuna_parzen()
    golden_optuna.write_multivariate()
    golden_sampler.write_splits()
    golden_sampler.write_sampler_golden()
    here = golden_common.HERE
    print("wrote", ", ".join(sorted(f for f in os.listdir(here) if f.endswith(".h"))))
