# Recipe sweep on a lent GPU: pure torch, GPU-side approximation of the S9 augmentations.
import io, json, math, os, sys, time, itertools
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from concurrent.futures import ProcessPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))

def _dec(args):
    from PIL import Image
    off, n = args
    with open(os.path.join(HERE, 'cifar.bin'), 'rb') as f:
        f.seek(off); b = f.read(n)
    return np.asarray(Image.open(io.BytesIO(b)).convert('RGB'))

def load():
    cache = '/tmp/cifar.npz'
    if os.path.exists(cache):
        d = np.load(cache); return d['xtr'], d['ytr'], d['xte'], d['yte']
    idx = json.load(open(os.path.join(HERE, 'index.json')))['idx']
    with ProcessPoolExecutor(14) as ex: ims = list(ex.map(_dec, [(o, n) for _, _, o, n in idx], chunksize=500))
    x = np.stack(ims); y = np.array([c for _, c, _, _ in idx]); tr = np.array([t for t, _, _, _ in idx], bool)
    np.savez(cache, xtr=x[tr], ytr=y[tr], xte=x[~tr], yte=y[~tr])
    return x[tr], y[tr], x[~tr], y[~tr]

def cbr(ci, co, s=1, d=1):
    return nn.Sequential(nn.Conv2d(ci, co, 3, s, d, dilation=d, bias=False), nn.BatchNorm2d(co), nn.ReLU(inplace=True))

def sep(ci, co, s=1, d=1):
    return nn.Sequential(nn.Conv2d(ci, ci, 3, s, d, dilation=d, groups=ci, bias=False),
                         nn.Conv2d(ci, co, 1, bias=False), nn.BatchNorm2d(co), nn.ReLU(inplace=True))

class Res(nn.Module):
    def __init__(self, m): super().__init__(); self.m = m
    def forward(self, x): return x + self.m(x)

def net(c=(32, 64, 128, 192), res=True, c2sep_down=False, c4n=2, drop=0.0, dil_in='c3', c1full=True, c2sep=False):
    c1, c2, c3, c4 = c
    R = Res if res else (lambda m: m)
    C1 = [cbr(3, c1), R(cbr(c1, c1)), cbr(c1, c1, 2)]
    C2 = [cbr(c1, c2), R(cbr(c2, c2)), (sep if c2sep_down else cbr)(c2, c2, 2)]
    if c2sep: C2 = [cbr(c1, c2), R(sep(c2, c2)), sep(c2, c2, 2)]
    if dil_in == 'c2': C2[1] = R(cbr(c2, c2, d=2))
    C3 = [sep(c2, c3), R(sep(c3, c3, d=2 if dil_in == 'c3' else 1)), sep(c3, c3, 2)]
    C4 = [sep(c3, c4)] + [R(sep(c4, c4)) for _ in range(c4n - 1)]
    return nn.Sequential(*C1, *C2, *C3, *C4, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(drop), nn.Linear(c4, 10))

def nparams(m): return sum(p.numel() for p in m.parameters())

def augment(x, mean, shift=0.0625, scale=0.1, rot=15, cut=16, p_ssr=0.5, p_cut=0.5):
    # x: float normalized B,C,H,W. flip, shift-scale-rotate (reflect), one 16x16 hole of the mean (0 after norm)
    B, C, H, W = x.shape; dev = x.device
    flip = torch.rand(B, device=dev) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    do = torch.rand(B, device=dev) < p_ssr
    ang = (torch.rand(B, device=dev) * 2 - 1) * rot * math.pi / 180
    sc = 1 + (torch.rand(B, device=dev) * 2 - 1) * scale
    tx = (torch.rand(B, device=dev) * 2 - 1) * shift * 2; ty = (torch.rand(B, device=dev) * 2 - 1) * shift * 2
    cos, sin = torch.cos(ang) / sc, torch.sin(ang) / sc
    theta = torch.stack([torch.stack([cos, -sin, tx], 1), torch.stack([sin, cos, ty], 1)], 1)
    eye = torch.tensor([[1., 0, 0], [0, 1., 0]], device=dev).expand(B, 2, 3)
    theta = torch.where(do[:, None, None], theta, eye)
    g = F.affine_grid(theta, x.shape, align_corners=False)
    x = F.grid_sample(x, g, mode='bilinear', padding_mode='reflection', align_corners=False)
    dc = torch.rand(B, device=dev) < p_cut
    ys = torch.randint(0, H - cut + 1, (B,), device=dev); xs = torch.randint(0, W - cut + 1, (B,), device=dev)
    ar = torch.arange(H, device=dev)
    my = (ar[None] >= ys[:, None]) & (ar[None] < ys[:, None] + cut)
    mx = (ar[None] >= xs[:, None]) & (ar[None] < xs[:, None] + cut)
    m = (my[:, :, None] & mx[:, None, :] & dc[:, None, None])[:, None]
    return x.masked_fill(m, 0.)

def run(cfg, data):
    torch.manual_seed(cfg.get('seed', 0))
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    xtr, ytr, xte, yte = data
    m = net(**cfg.get('net', {})).to(dev).to(memory_format=torch.channels_last)
    npar = nparams(m)
    ep, bs = cfg['epochs'], cfg['bs']
    steps = ep * (len(xtr) // bs)
    if cfg['opt'] == 'adam':
        opt = torch.optim.AdamW(m.parameters(), lr=cfg['lr'], weight_decay=cfg['wd'], betas=(0.9, 0.99))
    else:
        opt = torch.optim.SGD(m.parameters(), lr=cfg['lr'], momentum=0.9, nesterov=True, weight_decay=cfg['wd'])
    sch = torch.optim.lr_scheduler.OneCycleLR(opt, cfg['lr'], total_steps=steps, pct_start=cfg.get('pct', 0.25),
                                              div_factor=25, final_div_factor=4000,
                                              cycle_momentum=True, base_momentum=0.85, max_momentum=0.95)
    crit = nn.CrossEntropyLoss(label_smoothing=cfg.get('ls', 0.1))
    t0 = time.time(); hist = []
    for e in range(ep):
        m.train(); perm = torch.randperm(len(xtr), device=dev)
        for i in range(len(xtr) // bs):
            idx = perm[i * bs:(i + 1) * bs]
            xb = augment(xtr[idx], None, **cfg.get('aug', {})).contiguous(memory_format=torch.channels_last)
            with torch.autocast(dev, torch.bfloat16):
                loss = crit(m(xb), ytr[idx])
            opt.zero_grad(set_to_none=True); loss.backward(); opt.step(); sch.step()
        m.eval(); c = ct = 0
        with torch.no_grad(), torch.autocast(dev, torch.bfloat16):
            for i in range(0, len(xte), 2000):
                xb = xte[i:i + 2000].contiguous(memory_format=torch.channels_last)
                o = m(xb).float(); ot = o.softmax(1) + m(xb.flip(3)).float().softmax(1)
                c += (o.argmax(1) == yte[i:i + 2000]).sum().item(); ct += (ot.argmax(1) == yte[i:i + 2000]).sum().item()
        hist.append((round(c / len(xte), 4), round(ct / len(xte), 4)))
    return dict(cfg=cfg, params=npar, acc=hist[-1][0], acc_tta=hist[-1][1], hist=hist, secs=round(time.time() - t0, 1))

def worker(args):
    cfgs, wid = args
    torch.backends.cudnn.benchmark = True
    xtr, ytr, xte, yte = load()
    D = 'cuda' if torch.cuda.is_available() else 'cpu'
    if os.environ.get('SMOKE'): xtr, ytr, xte, yte = xtr[:1024], ytr[:1024], xte[:512], yte[:512]
    xtr = torch.tensor(xtr).permute(0, 3, 1, 2).float().div(255); xte = torch.tensor(xte).permute(0, 3, 1, 2).float().div(255)
    mean = xtr.mean((0, 2, 3), keepdim=True); std = xtr.std((0, 2, 3), keepdim=True)
    data = ((xtr - mean) / std).to(D), torch.tensor(ytr).to(D), ((xte - mean) / std).to(D), torch.tensor(yte).to(D)
    out = []
    for cfg in cfgs:
        try: r = run(cfg, data)
        except Exception as ex: r = dict(cfg=cfg, error=repr(ex))
        print(json.dumps(r), flush=True); out.append(r)
    return out

if __name__ == '__main__':
    import torch.multiprocessing as mp
    cfgs = json.load(open(sys.argv[1])); nw = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    load()
    ctx = mp.get_context('spawn')
    with ProcessPoolExecutor(nw, mp_context=ctx) as ex:
        res = list(ex.map(worker, [(cfgs[i::nw], i) for i in range(nw)]))
    res = [r for rr in res for r in rr]
    json.dump(res, open(os.path.join(os.environ.get('OUT', '/tmp'), 'sweep.json'), 'w'), indent=1)
