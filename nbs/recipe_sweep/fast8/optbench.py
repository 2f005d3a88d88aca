"One process, same model and data: fastai's SGD (L2 5e-4, momentum 0.9) against torch.optim.SGD, alternating blocks of training steps."
import time, torch, torch.nn.functional as F
from fastai.optimizer import SGD
from s9cifar.model import S9Net, fp32_depthwise_
torch.manual_seed(0)
m = S9Net(); fp32_depthwise_(m); m = m.to(memory_format=torch.channels_last)
x = torch.randn(128, 3, 32, 32).to(memory_format=torch.channels_last); y = torch.randint(0, 10, (128,))
params = [p for p in m.parameters() if p.requires_grad]
opts = {'fastai SGD': SGD(params, lr=0.1, mom=0.9, wd=5e-4, decouple_wd=False),
        'torch SGD': torch.optim.SGD(params, lr=0.1, momentum=0.9, weight_decay=5e-4)}
def step(o):
    with torch.autocast('cpu', dtype=torch.bfloat16): loss = F.cross_entropy(m(x).float(), y)
    loss.backward(); o.step(); o.zero_grad()
def opt_only(o, n=50):
    for p in params: p.grad = torch.randn_like(p) * 1e-3
    t = time.perf_counter()
    for _ in range(n): o.step()
    return (time.perf_counter() - t) / n
for o in opts.values(): [step(o) for _ in range(5)]
res = {k: [] for k in opts}; res_o = {k: [] for k in opts}
for r in range(4):
    for k, o in opts.items():
        t = time.perf_counter(); [step(o) for _ in range(20)]; res[k].append((time.perf_counter() - t) / 20)
        res_o[k].append(opt_only(o))
for k in opts: print(f"{k:11s} full step {min(res[k])*1000:.1f} ms (median {sorted(res[k])[2]*1000:.1f}), optimiser step alone {min(res_o[k])*1000:.2f} ms")
