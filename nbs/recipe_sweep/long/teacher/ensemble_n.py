# the test accuracy of an equal-weight average of finished runs' class probabilities: how good a teacher they make
# run from the repository root: python nbs/recipe_sweep/long/teacher/ensemble_n.py OUT.json A/model.pth B/model.pth ...
# (float32, bf16=False, as ensemble.py; every member alone, every pair and all of them)
import json, platform, sys, itertools, datetime, torch
from s9cifar.data import CifarArrays
from s9cifar.train import load_s9, evaluate
torch.set_num_threads(2)
out, paths = sys.argv[1], sys.argv[2:]
a = CifarArrays('../shared/data/cifar10', splits=('test',))
y = torch.from_numpy(a.y_test)
acc = lambda p: round(float((p.argmax(1) == y).float().mean()), 4)
res, members = {}, {}
for p in paths:
    m, meta = load_s9(p, flag='a member'); ev = evaluate(m, a, meta['mean'], meta['std'], meta['classes'], bf16=False)
    res[p] = ev; members[p] = dict(accuracy=acc(ev['probs']), accuracy_tta=acc(ev['probs_tta'])); print(p, members[p], flush=True)
groups = [list(g) for k in range(2, len(paths) + 1) for g in itertools.combinations(paths, k)]
avg = [dict(members=g, accuracy=acc(sum(res[p]['probs'] for p in g)), accuracy_tta=acc(sum(res[p]['probs_tta'] for p in g))) for g in groups]
for r in avg: print(r)
rec = dict(what="test accuracy (10,000 images) of equal-weight averages of finished runs' class probabilities, without and with flip TTA",
           command='python nbs/recipe_sweep/long/teacher/ensemble_n.py ' + ' '.join(sys.argv[1:]),
           cpu=platform.processor() or platform.machine(), capability=torch.backends.cpu.get_cpu_capability(), precision='float32',
           torch=torch.__version__, date=datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'), members=members, averages=avg)
with open(out + '.tmp', 'w') as f: json.dump(rec, f, indent=1)
import os; os.replace(out + '.tmp', out)
