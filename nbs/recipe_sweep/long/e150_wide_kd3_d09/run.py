"""Issue 25: e150_kd3_cutmix's recipe with two changes, started through `train_s9` before `s9cifar_train` had `--widths`:
S9Net widened to (32, 96, 168, 264) (194,386 parameters, from 184,618) and `--distill 0.9` (from 0.5).
The same run as `s9cifar_train --data ../shared/data/cifar10 --recipe long --epochs 150 --dirac true --muon 0.1 --dilated c4
--ema 0.999 --cutmix 0.5 --widths 32,96,168,264 --distill 0.9 --teacher <the three runs> --out <out>`; a resume through that
command checks it is (the checkpoint records every setting)."""
import sys
from pathlib import Path
from s9cifar.cli import say
from s9cifar.train import train_s9
L, out = 'nbs/recipe_sweep/long', sys.argv[1]
_, m = train_s9('../shared/data/cifar10', 'long', epochs=150, dirac=True, muon=0.1, dilated='c4', ema=0.999, cutmix=0.5,
                widths=(32, 96, 168, 264), distill=0.9,
                teacher=f'{L}/e150_ema/model.pth,{L}/e48_xeon/model.pth,{L}/e150_kd_cutmix/model.pth',
                out=out, resume=(Path(out)/'checkpoint.pth').exists(), say=say)
print(f"test accuracy {m['accuracy']:.2%} (with flip TTA {m['accuracy_tta']:.2%}) after {m['epochs']} epochs, {m['train_seconds']:.0f} s of training")
