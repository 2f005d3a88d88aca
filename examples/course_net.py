"""A course-style S9 network, written the way most assignment submissions are: four `nn.Sequential` blocks named
`conv_block1..4`, BatchNorm + ReLU after every conv, a dilated conv in block 2, a depthwise + pointwise pair in block 3,
global average pooling, a `Linear` head and `log_softmax` at the end.

    s9cifar_check examples/course_net.py:Net
    s9cifar_train --arch examples/course_net.py:Net --data ../shared/data/cifar10 --out runs/course
"""
import torch.nn as nn
import torch.nn.functional as F


def conv_bn(ni, nf, k=3, stride=1, dilation=1, groups=1):
    "Conv (no bias), BatchNorm, ReLU; `padding` keeps the size at stride 1."
    return [nn.Conv2d(ni, nf, k, stride=stride, padding=dilation * (k // 2), dilation=dilation, groups=groups, bias=False),
            nn.BatchNorm2d(nf), nn.ReLU()]


class Net(nn.Module):
    def __init__(self, n_classes=10):
        super().__init__()
        self.conv_block1 = nn.Sequential(*conv_bn(3, 16), *conv_bn(16, 32), *conv_bn(32, 32, stride=2))       # 32 -> 16
        self.conv_block2 = nn.Sequential(*conv_bn(32, 32), *conv_bn(32, 32, dilation=2),                     # dilated
                                         *conv_bn(32, 64, stride=2))                                          # 16 -> 8
        self.conv_block3 = nn.Sequential(*conv_bn(64, 64, groups=64), *conv_bn(64, 96, k=1),                 # depthwise + pointwise
                                         *conv_bn(96, 64), *conv_bn(64, 64, stride=2))                        # 8 -> 4
        self.conv_block4 = nn.Sequential(*conv_bn(64, 64))
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(64, n_classes)

    def forward(self, x):
        x = self.conv_block4(self.conv_block3(self.conv_block2(self.conv_block1(x))))
        return F.log_softmax(self.fc(self.gap(x).flatten(1)), dim=1)
