# the test accuracy of an average of two finished long runs (e150_ema, the shipped e48 weights): how good a teacher they make
# run from the repository root: python nbs/recipe_sweep/long/teacher/ensemble.py (float32: bf16=False)
import torch
from s9cifar.data import CifarArrays
from s9cifar.train import load_s9, evaluate
torch.set_num_threads(2)
a = CifarArrays('../shared/data/cifar10', splits=('test',))
res = {}
for name, p in [('e150_ema', 'nbs/recipe_sweep/long/e150_ema/model.pth'), ('shipped', None)]:
    m, meta = load_s9(p); ev = evaluate(m, a, meta['mean'], meta['std'], meta['classes'], bf16=False)
    res[name] = ev; print(name, ev['accuracy'], ev['accuracy_tta'], meta['mean'])
y = torch.from_numpy(a.y_test)
for w in (0.5, 0.6, 0.7):
    p = w*res['e150_ema']['probs'] + (1-w)*res['shipped']['probs']; pt = w*res['e150_ema']['probs_tta'] + (1-w)*res['shipped']['probs_tta']
    print('ensemble w', w, float((p.argmax(1)==y).float().mean()), float((pt.argmax(1)==y).float().mean()))
