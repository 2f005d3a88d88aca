#!/bin/bash
# issue 25: 150 epochs of the long recipe with quick's levers and an EMA of the weights; resumable (--resume)
cd /work/long150
. /work/main/.venv/bin/activate
export PYTHONPATH=/work/long150
R=""; [ -f /work/runs/long150_ema/checkpoint.pth ] && R="--resume"
date -u +%FT%TZ >> /work/long150.starts
/usr/bin/time -v -o /work/long150.time.$(date +%s) s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4 --ema 0.999 --out /work/runs/long150_ema $R >> /work/long150.log 2>&1
