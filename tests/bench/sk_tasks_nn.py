"""Neural networks (see sk_reference.py): bench_ml_nn's MLP (20 -> 64 -> 64 -> 3, ReLU, Adam at
1e-3, batch 256, on clf_200k.csv) in Debian's PyTorch, 2 threads, OpenBLAS at 1 thread as
Oficina runs it (two levels of threads on 2 cores made PyTorch's epochs 2-4x slower here). Both
sides time a 5-epoch fit after a one-epoch warm-up."""
import numpy as np


def mlp_torch(b):
    import torch
    from threadpoolctl import threadpool_limits
    threadpool_limits(1, user_api="blas")
    torch.set_num_threads(2)
    torch.manual_seed(0)
    Xtr, Xte, ytr, yte = b.split_xy(b.load("clf_200k.csv"), "label")
    data_rss = b.rss_mb()
    Xtr = torch.from_numpy(Xtr.astype(np.float32)); ytr = torch.from_numpy(ytr)
    lossf = torch.nn.CrossEntropyLoss()
    n, bs, epochs = Xtr.shape[0], 256, 5

    def fit(epochs):
        net = torch.nn.Sequential(torch.nn.Linear(20, 64), torch.nn.ReLU(),
                                  torch.nn.Linear(64, 64), torch.nn.ReLU(),
                                  torch.nn.Linear(64, 3))
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        for _ in range(epochs):
            for idx in torch.randperm(n).split(bs):
                opt.zero_grad()
                loss = lossf(net(Xtr[idx]), ytr[idx])
                loss.backward()
                opt.step()
        return loss

    fit(1)  # warm-up, as bench_ml_nn does: thread start and allocator out of the timing
    t0 = b.pc()
    loss = fit(epochs)
    t = b.pc() - t0
    b.out(t, f"last_batch_loss:{loss.item():.4f}", data_rss, s_per_epoch=f"{t / epochs:.4f}",
          threads=torch.get_num_threads(), blas_threads=1)


TASKS = {"mlp_torch": mlp_torch}
