import time, torch, torch.nn.functional as F
from s9cifar.model import S9Net, DepthwiseConv2d
torch.manual_seed(0); bs=128
x, y = torch.randn(bs,3,32,32).contiguous(memory_format=torch.channels_last), torch.randint(0,10,(bs,))
def make(policy):
    m = S9Net().to(memory_format=torch.channels_last)
    for n, mod in m.named_modules():
        if isinstance(mod, DepthwiseConv2d): mod.fp32_on_cpu = policy(mod)
    opt = torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9, weight_decay=5e-4)
    def step():
        with torch.autocast('cpu', torch.bfloat16):
            loss = F.cross_entropy(m(x).float(), y)
        loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
    return step
pols = {'all_fp32': lambda m: True, 'all_bf16': lambda m: False,
        'fp32_dilated': lambda m: m.dilation[0] > 1,
        'fp32_dil_or_stride': lambda m: m.dilation[0] > 1 or m.stride[0] > 1}
steps = {k: make(p) for k, p in pols.items()}
for s in steps.values(): s(); s()
res = {k: [] for k in steps}
for r in range(5):
    for k, s in steps.items():
        t0 = time.perf_counter()
        for _ in range(10): s()
        res[k].append(bs*10/(time.perf_counter()-t0))
for k, v in res.items(): print(f'{k:20s}', [round(a) for a in v], 'median', round(sorted(v)[2]))
