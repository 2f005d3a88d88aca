#!/bin/bash
# issue 25, a second, patient phase: start from e150_kd_cutmix's student (89.69%) and distil from the three finished runs
# averaged (e150_ema + e48_xeon + e150_kd_cutmix: 90.72%, teacher/ensemble3.json) for 30 more epochs of a one-cycle at a
# third of the long recipe's peak lr (0.05: about where the 150-epoch runs were at epoch 105), CutMix at full share from
# the start (--mix-until 0: the student is trained), the rest as e150_kd_cutmix; resumable (--resume). Run in a clone of main.
cd /work/kdrun
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/kdrun
L=nbs/recipe_sweep/long
R=""; [ -f /work/runs/p2_kd3/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/p2_kd3.starts
/usr/bin/time -v -o /work/p2_kd3.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 30 --lr 0.05 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --mix-until 0 --init $L/e150_kd_cutmix/model.pth --teacher $L/e150_ema/model.pth,$L/e48_xeon/model.pth,$L/e150_kd_cutmix/model.pth --out /work/runs/p2_kd3 $R >> /work/p2_kd3.log 2>&1
