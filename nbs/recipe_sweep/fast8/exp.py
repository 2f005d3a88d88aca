"Recipe experiments for issue 13 (not part of the library): 8-epoch runs of the library's own pipeline, one config per line."
import json, sys, time, os, platform
from pathlib import Path
import torch, torch.nn as nn
from torch.optim.swa_utils import AveragedModel, get_ema_multi_avg_fn
from fastai.torch_core import set_seed
from fastai.callback.core import Callback
from fastai.optimizer import OptimWrapper, Adam
from functools import partial
import numpy as np
from s9cifar.augment import s9_dls
from s9cifar.model import S9Net, n_params, check_s9_rules
from s9cifar.train import s9_learner, evaluate, machine_info
from s9cifar.data import dataset_stats

class WeightEMA(Callback):
    "Exponential moving average of the weights (and batchnorm buffers) from epoch `start`; swapped in before the last validation."
    order = 60
    def __init__(self, decay=0.998, start=2, every=1): self.decay, self.start, self.every = decay, start, every
    def before_fit(self): self.ema, self.i = None, 0
    def after_step(self):
        if self.epoch < self.start: return
        self.i += 1
        if self.i % self.every: return
        if self.ema is None: self.ema = AveragedModel(self.model, multi_avg_fn=get_ema_multi_avg_fn(self.decay ** self.every), use_buffers=True)
        else: self.ema.update_parameters(self.model)
    def after_train(self):
        if self.epoch == self.n_epoch - 1 and self.ema is not None:
            self.model.load_state_dict(self.ema.module.state_dict())

class AugSchedule(Callback):
    "Switch the non-flip augmentations off for the last `last` epochs."
    def __init__(self, last): self.last = last
    def before_epoch(self):
        if self.training and self.epoch == self.n_epoch - self.last:
            for t in self.dls.train.after_item.fs:
                if hasattr(t, 'aug'):
                    for a in t.aug.transforms:
                        if type(a).__name__ != 'HorizontalFlip': a.p = 0

class AlternatingFlip(Callback):
    "airbench's derandomised flips: each image flipped in a random half of epoch 0, then every other epoch, so no image is seen the same way twice running. Needs the Albumentations flip off (flip_p=0)."
    order = 5  # before ChannelsLast and the autocast: the batch is still plain NCHW
    def before_fit(self):
        dl = self.dls.train
        g = torch.Generator().manual_seed(1234)
        self.bit = torch.randint(0, 2, (len(dl.dataset),), generator=g).bool()
        orig = dl.get_idxs
        def get_idxs(): self.idxs = torch.as_tensor(list(orig())); return self.idxs
        dl.get_idxs = get_idxs  # with num_workers=0 the batches are these indices in order, `bs` at a time
    def before_batch(self):
        if not self.training: return
        bs = self.dls.train.bs
        idx = self.idxs[self.iter * bs:(self.iter + 1) * bs]
        flip = (self.bit[idx] ^ bool(self.epoch % 2)).to(self.xb[0].device)[:, None, None, None]
        x = self.xb[0]
        assert len(idx) == len(x), (len(idx), len(x))
        self.learn.xb = (torch.where(flip, x.flip(3), x),)

def main(cfg, out):
    cfg = dict(cfg); name = cfg.pop('name'); epochs = cfg.pop('epochs', 8); lr = cfg.pop('lr', 0.15); bs = cfg.pop('bs', 128)
    seed = cfg.pop('seed', 0); ls = cfg.pop('ls', 0.1); wd = cfg.pop('wd', 5e-4); aug = cfg.pop('aug', {})
    fit_kw = cfg.pop('fit', {}); ema = cfg.pop('ema', None); nesterov = cfg.pop('nesterov', False)
    aug_last = cfg.pop('aug_off_last', 0); widths = cfg.pop('widths', None); note = cfg.pop('note', None)
    bias_lr = cfg.pop('bias_lr_mult', None); opt = cfg.pop('opt', None); alt_flip = cfg.pop('alt_flip', False)
    diagnostic = cfg.pop('diagnostic', False)  # a network outside the rules, run only to ask a question
    assert not cfg, cfg
    set_seed(seed, reproducible=True)
    dls = s9_dls(os.environ['S9CIFAR_DATA'], bs=bs, seed=seed, **aug)
    mean, std = dataset_stats(dls.arrays)
    model = S9Net(widths=tuple(widths)) if widths else S9Net()
    if not diagnostic: check_s9_rules(model)
    kw = {}
    if nesterov: kw['opt_func'] = lambda params, lr: OptimWrapper(params, torch.optim.SGD, lr=lr, momentum=0.9, nesterov=True, weight_decay=wd)
    cbs = ([WeightEMA(**ema)] if ema else []) + ([AugSchedule(aug_last)] if aug_last else []) + ([AlternatingFlip()] if alt_flip else [])
    learn = s9_learner(dls, model, wd=wd, label_smoothing=ls, cbs=cbs)
    if 'opt_func' in kw: learn.opt_func = kw['opt_func']  # s9_learner sets its own opt_func: replace it before fit creates the optimiser
    if opt == 'adam': learn.opt_func = partial(Adam, wd=wd)  # fastai's Adam, decoupled (true) weight decay
    if bias_lr:  # airbench's higher learning rate for biases: a second parameter group for every bias (BatchNorm's and the head's)
        learn.splitter = lambda m: [[p for n, p in m.named_parameters() if not n.endswith('bias')],
                                    [p for n, p in m.named_parameters() if n.endswith('bias')]]
        lr = np.array([lr, lr * bias_lr])
    t0 = time.time()
    with learn.no_bar(): learn.fit_one_cycle(epochs, lr, **fit_kw)
    secs = time.time() - t0
    ev = evaluate(learn.model, dls.arrays, mean, std)
    hist = [float(r[2]) for r in learn.recorder.values]
    res = dict(name=name, seed=seed, epochs=epochs, acc=round(ev['accuracy'], 4), tta=round(ev['accuracy_tta'], 4), secs=round(secs),
               params=n_params(model), hist=[round(h, 4) for h in hist], train_loss=round(float(learn.recorder.values[-1][0]), 4),
               **machine_info(), date=time.strftime('%Y-%m-%d %H:%M'), **({'note': note} if note else {}))
    print(res, flush=True)
    with open(out, 'a') as f: f.write(json.dumps(res) + '\n')

if __name__ == '__main__':
    cfgs, names = json.loads(Path(sys.argv[1]).read_text()), sys.argv[2:]
    for c in cfgs:
        if c['name'] in names: main(c, Path(sys.argv[1]).parent/'results.jsonl')
