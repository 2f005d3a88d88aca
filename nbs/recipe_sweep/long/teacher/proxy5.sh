#!/bin/bash
# issue 25's proxy for distillation: the quick recipe with resizing off (the teacher knows 32 px images), 5 epochs, seed 0,
# without and with the two-run teacher, one after the other on one machine (2-core AMD EPYC, AVX2, float32; 2026-12-03, from 181bb90)
O=/work/runs/kd_proxy; T=nbs/recipe_sweep/long/e150_ema/model.pth,s9cifar/weights/model.pth
/usr/bin/time -v -o $O/time_plain.txt s9cifar_train --data ../shared/data/cifar10 --epochs 5 --size-start 32 --out $O/plain --force
/usr/bin/time -v -o $O/time_kd.txt s9cifar_train --data ../shared/data/cifar10 --epochs 5 --size-start 32 --teacher $T --out $O/kd --force
