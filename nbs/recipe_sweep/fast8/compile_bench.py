import time, torch, torch.nn.functional as F, sys
from s9cifar.model import S9Net
torch.manual_seed(0)
from s9cifar.model import DepthwiseConv2d
if "bf16dw" in sys.argv: DepthwiseConv2d.fp32_on_cpu = False
bs = 128
def make(compiled, mode=None):
    m = S9Net().to(memory_format=torch.channels_last)
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    f = torch.compile(m, mode=mode) if compiled else m
    x, y = torch.randn(bs, 3, 32, 32).contiguous(memory_format=torch.channels_last), torch.randint(0, 10, (bs,))
    def step():
        with torch.autocast('cpu', torch.bfloat16):
            loss = F.cross_entropy(f(x).float(), y, label_smoothing=0.1)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return step
steps = {}
for name, c, mode in [('eager', False, None), ('compile', True, None)] + ([('compile_maxauto', True, 'max-autotune-no-cudagraphs')] if 'max' in sys.argv else []):
    s = make(c, mode); t0 = time.perf_counter(); s(); s(); print(name, 'first 2 steps', round(time.perf_counter()-t0, 1), 's', flush=True)
    steps[name] = s
res = {k: [] for k in steps}
for r in range(4):
    for k, s in steps.items():
        t0 = time.perf_counter()
        for _ in range(15): s()
        res[k].append(bs*15/(time.perf_counter()-t0))
for k, v in res.items(): print(k, [round(a) for a in v], 'img/s')
