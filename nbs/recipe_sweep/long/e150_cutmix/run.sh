#!/bin/bash
# issue 25: e150_ema's run plus CutMix on half the batches, ramped in over the first half of the epochs; resumable (--resume)
cd /work/long150
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/long150
R=""; [ -f /work/runs/long150_cutmix/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/cm150.starts
/usr/bin/time -v -o /work/cm150.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --cutmix 0.5 --out /work/runs/long150_cutmix $R >> /work/cm150.log 2>&1
