"Recipe experiments for issue 6 (not part of the library): one config per call, results appended to results.jsonl."
import json, sys, time, os
from functools import partial
from pathlib import Path
import numpy as np, torch, torch.nn as nn, torch.nn.functional as F
from fastai.torch_core import set_seed
from fastai.optimizer import SGD, OptimWrapper
from s9cifar.augment import s9_dls
from s9cifar.model import S9Net, n_params
from s9cifar.train import s9_learner, evaluate, predict_arrays, BF16Autocast
from s9cifar.data import dataset_stats

def whiten_(conv, x, mean, std, n=10000, eps=5e-3, freeze=True):
    xb = torch.from_numpy(x[::10]).permute(0, 3, 1, 2).float().div(255)
    xb = (xb - torch.tensor(mean).view(1,3,1,1)) / torch.tensor(std).view(1,3,1,1)
    p = F.unfold(xb, 3).transpose(1, 2).reshape(-1, 27).double()
    cov = p.T @ p / len(p)
    ev, V = torch.linalg.eigh(cov)
    k = conv.out_channels // 2
    W = (V[:, -k:].T / (ev[-k:] + eps).sqrt()[:, None]).float().view(k, 3, 3, 3)
    with torch.no_grad(): conv.weight.copy_(torch.cat([W, -W]))
    if freeze: conv.weight.requires_grad_(False)

@torch.no_grad()
def tta6(model, x, mean, std, bs=1000):
    "airbench-style: flip x {none, +1px, -1px translate}, weights .5/.25/.25"
    m, s = torch.tensor(mean).view(1,3,1,1), torch.tensor(std).view(1,3,1,1)
    model.eval(); out = []
    for i in range(0, len(x), bs):
        xb = torch.from_numpy(np.ascontiguousarray(x[i:i+bs])).permute(0, 3, 1, 2).float().div_(255)
        xb = ((xb - m) / s)
        def f(z):
            z = z.contiguous(memory_format=torch.channels_last)
            with torch.autocast('cpu', torch.bfloat16):
                return (model(z).float().softmax(1) + model(z.flip(3)).float().softmax(1)) / 2
        pad = F.pad(xb, (1,1,1,1), mode='reflect')
        p = 0.5 * f(xb) + 0.25 * f(pad[:, :, 0:32, 0:32]) + 0.25 * f(pad[:, :, 2:34, 2:34])
        out.append(p)
    return torch.cat(out)

def main(cfg):
    name = cfg.pop('name'); epochs = cfg.pop('epochs', 12); lr = cfg.pop('lr', 0.2); bs = cfg.pop('bs', 256)
    seed = cfg.pop('seed', 0); widths = tuple(cfg.pop('widths', (32, 96, 160, 256)))
    ls = cfg.pop('ls', 0.1); wd = cfg.pop('wd', 5e-4); whiten = cfg.pop('whiten', None)
    fit_kw = cfg.pop('fit', {}); aug = cfg.pop('aug', {}); zero_bn = cfg.pop('zero_bn', False)
    nesterov = cfg.pop('nesterov', False); c1_extra = cfg.pop('c1_extra', False); last_noaug = cfg.pop('last_noaug', 0)
    assert not cfg, cfg
    set_seed(seed, reproducible=True)
    dls = s9_dls(None, bs=bs, seed=seed, **aug)
    mean, std = dataset_stats(dls.arrays)
    model = S9Net(widths=widths)
    if c1_extra:
        from s9cifar.model import Residual, ConvBNReLU
        c = widths[0]; model.c1 = nn.Sequential(model.c1[0], model.c1[1], Residual(ConvBNReLU(c, c)), model.c1[2])
    if whiten: whiten_(model.c1[0].conv, dls.arrays.x_train, mean, std, freeze=(whiten == 'frozen'))
    if zero_bn:
        for mod in model.modules():
            if type(mod).__name__ == 'Residual': nn.init.zeros_(mod.branch.bn.weight)
    kw = {}
    if nesterov: kw['opt_func'] = lambda params, lr: OptimWrapper(params, torch.optim.SGD, lr=lr, momentum=0.9, nesterov=True, weight_decay=wd)
    cbs = []
    if last_noaug:
        from fastai.callback.core import Callback
        class LastNoAug(Callback):
            def before_epoch(self):
                if self.epoch == self.n_epoch - last_noaug:
                    for t in self.dls.train.after_item.fs:
                        if hasattr(t, 'aug'):
                            for a in t.aug.transforms:
                                if type(a).__name__ != 'HorizontalFlip': a.p = 0
                    print('aug off from epoch', self.epoch, flush=True)
        cbs.append(LastNoAug())
    learn = s9_learner(dls, model, wd=wd, label_smoothing=ls, cbs=cbs, **kw)
    t0 = time.time()
    with learn.no_bar(): learn.fit_one_cycle(epochs, lr, **fit_kw)
    secs = time.time() - t0
    ev = evaluate(learn.model, dls.arrays, mean, std)
    y = torch.from_numpy(dls.arrays.y_test)
    acc6 = float((tta6(learn.model, dls.arrays.x_test, mean, std).argmax(1) == y).float().mean())
    hist = [float(r[2]) for r in learn.recorder.values]
    res = dict(name=name, acc=ev['accuracy'], tta=ev['accuracy_tta'], tta6=acc6, secs=round(secs), params=n_params(model),
               hist=[round(h, 4) for h in hist], date=time.strftime('%H:%M'))
    print(res, flush=True)
    with open('/work/exp/results.jsonl', 'a') as f: f.write(json.dumps(res) + '\n')

if __name__ == '__main__':
    for c in json.loads(Path(sys.argv[1]).read_text()):
        if c.get('skip'): continue
        main(dict(c))
