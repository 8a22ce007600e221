#!/usr/bin/python3
"""Writes digits_backbone.pt, the TorchScript backbone of the transfer-learning test.

A small CNN pre-trained on the Digits images of 0-4 only (resources/datasets/digits.csv); the
test fine-tunes it on 5-9. It takes raw pixel values (0-16) shaped [batch, 1, 8, 8] and returns
128 features; its top-level children conv1, conv2, features are what "freeze the first N layers"
counts. Run with Debian's python3-torch: /usr/bin/python3 make_digits_backbone.py
"""
import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "..", "..", "resources", "datasets", "digits.csv")


class Backbone(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.conv2 = nn.Sequential(nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.features = nn.Flatten()

    def forward(self, x):
        return self.features(self.conv2(self.conv1(x / 16.0)))


def main():
    torch.manual_seed(0)
    data = np.loadtxt(DIGITS, delimiter=",", skiprows=1, dtype=np.float32)
    data = data[data[:, -1] < 5]
    x = torch.from_numpy(data[:, :-1]).reshape(-1, 1, 8, 8)
    y = torch.from_numpy(data[:, -1].astype(np.int64))
    backbone = Backbone()
    model = nn.Sequential(backbone, nn.Linear(32 * 2 * 2, 5))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(30):
        for batch in torch.randperm(len(x)).split(32):
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(x[batch]), y[batch]).backward()
            optimizer.step()
    with torch.no_grad():
        accuracy = (model(x).argmax(1) == y).float().mean().item()
    print(f"pre-training accuracy on 0-4: {accuracy:.4f}")
    torch.jit.script(backbone.eval()).save(os.path.join(HERE, "digits_backbone.pt"))


if __name__ == "__main__":
    main()
