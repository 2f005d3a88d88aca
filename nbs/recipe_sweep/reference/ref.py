"""The course's reference recipe re-created on this machine (issue 13), for the time-to-accuracy figure in 06_benchmarks.

What the reference solutions of the assignment do, written plainly: a PyTorch `Dataset` applying the three Albumentations
per image (flip, shift-scale-rotate and one 16x16 mean-filled hole, each at p=0.5), float32, batch 128, the course-style
network of `examples/course_net.py` (log-softmax + NLL loss), SGD lr 0.01 momentum 0.9 with the lr divided by 10 every
15 epochs, 45 epochs. The StepLR schedule makes a run stopped early the exact prefix of the full run, so a run that is
cut short (`--epochs N` or `--max-seconds S`) still gives the true start of the curve. Writes one JSON line per epoch to `history.jsonl`.

    S9CIFAR_DATA=../shared/data/cifar10 python ref.py --epochs 45 --out ref_xeon
"""
import argparse, json, os, sys, time
from pathlib import Path
import numpy as np, torch, torch.nn.functional as F
import albumentations as A, cv2
from s9cifar.data import CifarArrays, dataset_stats
from s9cifar.augment import mean_fill
from s9cifar.train import machine_info

sys.path.insert(0, str(Path(__file__).resolve().parents[3]/'examples'))
from course_net import Net

class AlbDataset(torch.utils.data.Dataset):
    def __init__(self, x, y, tfm): self.x, self.y, self.tfm = x, y, tfm
    def __len__(self): return len(self.x)
    def __getitem__(self, i): return self.tfm(image=self.x[i])['image'], int(self.y[i])

def main():
    p = argparse.ArgumentParser(); p.add_argument('--epochs', type=int, default=45); p.add_argument('--out', default='ref_run')
    p.add_argument('--workers', type=int, default=2)
    p.add_argument('--max-seconds', type=float, default=None, help='stop after the epoch that passes this much wall time')
    a = p.parse_args()
    torch.manual_seed(0); np.random.seed(0)
    arr = CifarArrays(os.environ['S9CIFAR_DATA'])
    mean, std = dataset_stats(arr)
    norm = [A.Normalize(mean=mean, std=std, max_pixel_value=255.), A.ToTensorV2()]
    train_tfm = A.Compose([A.HorizontalFlip(p=0.5),
                           A.ShiftScaleRotate(shift_limit=0.0625, scale_limit=0.1, rotate_limit=15, p=0.5),
                           A.CoarseDropout(num_holes_range=(1, 1), hole_height_range=(16, 16), hole_width_range=(16, 16),
                                           fill=mean_fill(mean), p=0.5), *norm], seed=0)
    dl = torch.utils.data.DataLoader(AlbDataset(arr.x_train, arr.y_train, train_tfm), batch_size=128, shuffle=True,
                                     num_workers=a.workers, persistent_workers=a.workers > 0)
    tdl = torch.utils.data.DataLoader(AlbDataset(arr.x_test, arr.y_test, A.Compose(norm)), batch_size=512, num_workers=0)
    model = Net(len(arr.classes))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    sched = torch.optim.lr_scheduler.StepLR(opt, step_size=15, gamma=0.1)
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    (out/'machine.json').write_text(json.dumps(dict(**machine_info(), date=time.strftime('%Y-%m-%d %H:%M')), indent=1))
    t_start = time.time()
    for ep in range(a.epochs):
        model.train(); t0 = time.time(); tot = 0.
        for xb, yb in dl:
            loss = F.nll_loss(model(xb), yb); opt.zero_grad(); loss.backward(); opt.step(); tot += loss.item()
        sched.step(); t_train = time.time() - t0
        model.eval(); correct = 0
        with torch.no_grad():
            for xb, yb in tdl: correct += (model(xb).argmax(1) == yb).sum().item()
        row = dict(epoch=ep + 1, train_loss=round(tot / len(dl), 4), accuracy=correct / len(tdl.dataset),
                   seconds=round(time.time() - t0, 1), train_seconds=round(t_train, 1), elapsed=round(time.time() - t_start, 1))
        print(row, flush=True)
        with open(out/'history.jsonl', 'a') as f: f.write(json.dumps(row) + '\n')
        if a.max_seconds and row['elapsed'] > a.max_seconds: break

if __name__ == '__main__': main()
