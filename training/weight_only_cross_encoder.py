"""Rewrite the shipped cross-encoder so that it computes in float32 (issue #19: one answer on every CPU).

``train_cross_encoder.py`` exported the model with ONNX Runtime's dynamic int8 quantisation: every
MatMul became ``DynamicQuantizeLinear`` (the activations rounded to uint8 with a scale taken from the
batch) and ``MatMulInteger``. Integer kernels differ between CPUs (u8 x s8 products saturate in 16 bits
on AVX2, not with AVX-512 VNNI), so the logits depended on the machine.

This script keeps the int8 *weights* (the file stays about 23 MB) and their per-channel scales, but
replaces each quantised product by ``DequantizeLinear(weight)`` followed by a float32 ``MatMul`` on the
unquantised activations. Nothing about the activations is rounded any more, so the remaining differences
between machines are those of float32 arithmetic (about 1e-6), and a pair's logits no longer depend on
the other pairs of a batch.

Run from the repository root::

    python training/weight_only_cross_encoder.py [SOURCE.onnx] [TARGET.onnx]

By default it rewrites ``claimcmp/compare/data/relation_cross_encoder.onnx`` in place (an already
rewritten file has no ``MatMulInteger`` left and is written back unchanged).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path

import onnx
from onnx import helper, numpy_helper

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "claimcmp" / "compare" / "data" / "relation_cross_encoder.onnx"


def _consumers(graph: onnx.GraphProto) -> dict[str, list[onnx.NodeProto]]:
    out: dict[str, list[onnx.NodeProto]] = {}
    for node in graph.node:
        for name in node.input:
            out.setdefault(name, []).append(node)
    return out


def _producer(graph: onnx.GraphProto) -> dict[str, onnx.NodeProto]:
    return {name: node for node in graph.node for name in node.output}


def _only(nodes: Iterable[onnx.NodeProto], op_type: str) -> onnx.NodeProto:
    found = [n for n in nodes if n.op_type == op_type]
    if len(found) != 1:
        raise ValueError(f"expected one {op_type} consumer, found {len(found)}")
    return found[0]


def weight_only(model: onnx.ModelProto) -> onnx.ModelProto:
    """The same network with float32 products over dequantised int8 weights."""
    graph = model.graph
    consumers, producer = _consumers(graph), _producer(graph)
    initializers = {t.name: t for t in graph.initializer}
    drop: set[int] = set()
    added: list[onnx.NodeProto] = []
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        x_q, w_q, _x_zp, w_zp = node.input
        quantise = producer[x_q]
        cast = _only(consumers[node.output[0]], "Cast")
        rescale = _only(consumers[cast.output[0]], "Mul")
        scale_name = next(i for i in rescale.input if i != cast.output[0])
        scale_mul = producer[scale_name]
        w_scale = next(i for i in scale_mul.input if i in initializers)
        axis = 1 if numpy_helper.to_array(initializers[w_scale]).size > 1 else 0
        weight = f"{w_q}_dequantized"
        added.append(helper.make_node("DequantizeLinear", [w_q, w_scale, w_zp], [weight], axis=axis))
        added.append(helper.make_node("MatMul", [quantise.input[0], weight], [rescale.output[0]]))
        drop.update(id(n) for n in (node, cast, rescale, scale_mul))
    kept = [n for n in graph.node if id(n) not in drop]
    used = {name for n in kept + added for name in n.input}
    kept = [n for n in kept if n.op_type != "DynamicQuantizeLinear" or any(o in used for o in n.output)]
    ordered = _topological([*kept, *added], {i.name for i in graph.input} | set(initializers))
    del graph.node[:]
    graph.node.extend(ordered)
    onnx.checker.check_model(model)
    return model


def _topological(nodes: list[onnx.NodeProto], ready: set[str]) -> list[onnx.NodeProto]:
    """Nodes in an order where each one's inputs are produced before it (stable otherwise)."""
    available = set(ready) | {""}
    pending = list(nodes)
    ordered: list[onnx.NodeProto] = []
    while pending:
        progressed = []
        for node in pending:
            if all(name in available for name in node.input):
                ordered.append(node)
                available.update(node.output)
            else:
                progressed.append(node)
        if len(progressed) == len(pending):
            raise ValueError("the graph has a node whose inputs are never produced")
        pending = progressed
    return ordered


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=SHIPPED)
    parser.add_argument("target", nargs="?", type=Path, default=SHIPPED)
    args = parser.parse_args()
    model = weight_only(onnx.load(str(args.source)))
    onnx.save(model, str(args.target))
    print(f"wrote {args.target} ({args.target.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
