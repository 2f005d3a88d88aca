"The long recipe's 48 epochs at the 24-epoch run's light augmentation (shift-scale-rotate p=0.25, hole p=0.1): splits epochs from augmentation (issue 13)."
from s9cifar.train import train_s9
_, m = train_s9('/work/shared/data/cifar10', 'long', ssr_p=0.25, dropout_p=0.1, out='/work/runs/long48_light', show_progress=False)
print(f"test accuracy {m['accuracy']:.2%} (with flip TTA {m['accuracy_tta']:.2%}) after {m['epochs']} epochs, {m['train_seconds']:.0f} s of training")
