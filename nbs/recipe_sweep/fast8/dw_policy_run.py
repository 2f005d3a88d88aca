# The fast recipe (12 epochs) with bf16 for the depthwise convs that neither stride nor dilate, float32 for the rest
# (the library runs them all in float32 under CPU autocast). Run: S9CIFAR_DATA=... python dw_policy_run.py SEED OUT
import sys
from s9cifar.model import DepthwiseConv2d
DepthwiseConv2d.fp32_on_cpu = property(lambda self: self.stride[0] > 1 or self.dilation[0] > 1)
from s9cifar.train import train_s9
train_s9(None, 'fast', seed=int(sys.argv[1]), out=sys.argv[2], force=True)
