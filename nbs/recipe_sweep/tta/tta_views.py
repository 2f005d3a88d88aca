"Multi-view TTA (issue 13's list: flip + 1-2 px shifts) against the library's flip TTA, on saved models. Not part of the library."
import json, sys, time
import numpy as np, torch
from s9cifar.data import CifarArrays
from s9cifar.train import load_s9, predict_arrays, machine_info

def shift(x, dy, dx):
    "uint8 NHWC images moved by (dy, dx) pixels, the revealed border reflected (as ShiftScaleRotate does)"
    p = max(abs(dy), abs(dx))
    xp = np.pad(x, ((0, 0), (p, p), (p, p), (0, 0)), mode='reflect')
    return np.ascontiguousarray(xp[:, p - dy:p - dy + 32, p - dx:p - dx + 32])

def main(data, models):
    a = CifarArrays(data); y = torch.from_numpy(a.y_test); rows = []
    for path in models:
        m, meta = load_s9(path)
        P = lambda x: predict_arrays(m, x, meta['mean'], meta['std'], tta=False)
        flipped = np.ascontiguousarray(a.x_test[:, :, ::-1])
        base, fl = P(a.x_test), P(flipped)
        acc = lambda p: round(float((p.argmax(1) == y).float().mean()), 4)
        row = dict(model=str(path), none=acc(base), flip=acc((base + fl) / 2))
        for s in (1, 2):  # the two diagonal shifts by s pixels, of the image and of its mirror: 6 views with the two above
            views = [base, fl] + [P(shift(x, d * s, d * s)) for x in (a.x_test, flipped) for d in (-1, 1)]
            row[f'flip_shift{s}'] = acc(sum(views) / len(views))
        rows.append(row); print(row, flush=True)
    return rows

if __name__ == '__main__':
    rows = main(sys.argv[1], sys.argv[2:])
    out = dict(rows=rows, **machine_info(), date=time.strftime('%Y-%m-%d %H:%M'))
    open(__file__.replace('tta_views.py', 'results.json'), 'w').write(json.dumps(out, indent=1) + '\n')
