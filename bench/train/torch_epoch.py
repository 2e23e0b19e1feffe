#!/usr/bin/python3
"""One training epoch of the chapter model in PyTorch: the peer for bench/train/run.sh.

784-512 relu, dropout 0.2, 512 relu, dropout 0.2, 10 (softmax in the loss), RMSprop(lr=0.001,
alpha=0.9, eps=1e-7), batch 128, shuffled, 2 threads. Prints one JSON object: seconds for the
epoch, test accuracy and the settings that matter for the comparison.
--init keras gives the Dense layers Keras' initialisation (Glorot-uniform kernels, zero biases),
which is what Loupe and the chapter's Keras model use; the default keeps PyTorch's own
(kaiming-uniform with a = sqrt(5), uniform biases).
--rmsprop torch uses PyTorch's own RMSprop defaults (alpha=0.99, eps=1e-8) instead of Keras'
(rho=0.9, eps=1e-7), to show how much the one-epoch accuracy owes to that choice.
Usage: /usr/bin/python3 torch_epoch.py [--data DIR] [--seed N] [--init torch|keras] [--rmsprop keras|torch]
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(directory, split):
    images = read_idx(os.path.join(directory, f"{split}-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(directory, f"{split}-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))
    return x, y


def blas_name():
    """PyTorch's BLAS: Debian builds it against the generic libblas.so.3, which the alternatives
    system points at OpenBLAS (pthread) here."""
    info = "unknown"
    for line in torch.__config__.show().splitlines():
        if "BLAS_INFO=" in line:
            info = line.split("BLAS_INFO=")[1].split(",")[0]
    library = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    return f"{info} -> {library}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("LOUPE_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--init", choices=["torch", "keras"], default="torch")
    parser.add_argument("--rmsprop", choices=["keras", "torch"], default="keras")
    args = parser.parse_args()

    torch.set_num_threads(2)
    torch.manual_seed(args.seed)
    x_train, y_train = load(args.data, "train")
    x_test, y_test = load(args.data, "t10k")

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 512), torch.nn.ReLU(), torch.nn.Dropout(0.2),
        torch.nn.Linear(512, 512), torch.nn.ReLU(), torch.nn.Dropout(0.2),
        torch.nn.Linear(512, 10))
    if args.init == "keras":
        for layer in model:
            if isinstance(layer, torch.nn.Linear):
                torch.nn.init.xavier_uniform_(layer.weight)
                torch.nn.init.zeros_(layer.bias)
    if args.rmsprop == "keras":
        optimizer = torch.optim.RMSprop(model.parameters(), lr=0.001, alpha=0.9, eps=1e-7)
    else:
        optimizer = torch.optim.RMSprop(model.parameters(), lr=0.001)
    loss_fn = torch.nn.CrossEntropyLoss()

    start = time.perf_counter()
    model.train()
    order = torch.randperm(len(x_train))
    loss_sum = 0.0
    for begin in range(0, len(x_train), 128):
        index = order[begin:begin + 128]
        optimizer.zero_grad(set_to_none=True)
        loss = loss_fn(model(x_train[index]), y_train[index])
        loss.backward()
        optimizer.step()
        loss_sum += loss.detach() * len(index)
    seconds = time.perf_counter() - start

    model.eval()
    with torch.no_grad():
        accuracy = (model(x_test).argmax(dim=1) == y_test).float().mean().item()
    print(json.dumps({
        "seconds_per_epoch": round(seconds, 4),
        "test_accuracy": round(accuracy, 4),
        "train_loss": round(float(loss_sum) / len(x_train), 4),
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
        "init": args.init,
        "rmsprop": args.rmsprop,
        "seed": args.seed,
        "blas": blas_name(),
        "openblas_coretype_env": os.environ.get("OPENBLAS_CORETYPE", ""),
    }))


if __name__ == "__main__":
    main()
