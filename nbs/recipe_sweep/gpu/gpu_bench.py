"""On a lent GPU: how fast the training step is against how fast the per-item Albumentations loader feeds it.

Usage: python3 gpu_bench.py DATA OUT.json  (run by run_gpu.sh; needs CUDA)."""
import json, os, sys, time
import torch, torch.nn.functional as F
from s9cifar.data import CifarArrays
from s9cifar.augment import s9_dls
from s9cifar.bench import loader_throughput
from s9cifar.model import S9Net
from s9cifar.train import RECIPES, machine_info

data, out = sys.argv[1], sys.argv[2]
quick = os.environ.get('DRY') == '1'  # a CPU check of this script: few steps and batches
dev = 'cuda' if torch.cuda.is_available() else 'cpu'
res = dict(machine=machine_info(), device=dev)
t0 = time.time(); arrays = CifarArrays(data, progress=False); res['decode_or_load_s'] = round(time.time() - t0, 1)

def step_rate(bs, steps=3 if quick else 60):
    "Images/s of one raw PyTorch SGD step of S9Net on `dev` (bf16 autocast, channels-last), no loader, no fastai."
    torch.manual_seed(0); m = S9Net().to(dev).to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=5e-4)
    x = torch.randn(bs, 3, 32, 32, device=dev).contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (bs,), device=dev)
    def step():
        with torch.autocast(dev, torch.bfloat16): loss = F.cross_entropy(m(x).float(), y, label_smoothing=0.1)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    for _ in range(1 if quick else 10): step()
    if dev == 'cuda': torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(steps): step()
    if dev == 'cuda': torch.cuda.synchronize()
    return round(bs * steps / (time.perf_counter() - t))

res['step_img_s'] = {f'bs{bs}': step_rate(bs) for bs in (128, 512)}
print('step', res['step_img_s'], flush=True)
augs = {r: {k: v for k, v in RECIPES[r].items() if k.endswith('_p')} for r in ('fast', 'long')}
res['loader_img_s'] = {}
for r, a in augs.items():
    for w in (0, int(os.environ.get("W", 12))):
        dls = s9_dls(data, bs=128, num_workers=w, arrays=arrays, **a)
        # workers start together: skip their first round of batches
        res['loader_img_s'][f'{r}_w{w}'] = round(loader_throughput(dls.train, n_batches=5 if quick else 40 if w == 0 else 200, warmup=1 if quick else max(1, 2 * w)))
        print(r, w, res['loader_img_s'][f'{r}_w{w}'], flush=True)
with open(out, 'w') as f: json.dump(res, f, indent=1)
print(json.dumps(res))
