"""Candidate keys as nodes of a trie of key pieces (lemmas), built level by level with numpy:
equal keys get equal ids without any key string being made (:mod:`.associate`, pass 1)."""

from __future__ import annotations

import numpy as np

from .arrays import _compact


class _Chains:
    """Candidate keys as chains of key pieces, for :class:`_Trie`: per trie level, the
    chains (rows) that reach it and their piece there; per level, the occurrences whose key
    ends there (their position among the occurrences, and their chain)."""

    def __init__(self) -> None:
        self.rows = 0
        self.occurrences = 0
        self.levels: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
        self.ends: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}

    def new(self, rows: int, occurrences: int) -> tuple[int, int]:
        """Room for more chains and occurrences: the first of each."""
        first = self.rows, self.occurrences
        self.rows += rows
        self.occurrences += occurrences
        return first

    @staticmethod
    def _put(table: dict, depth: int | np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
        if isinstance(depth, int):
            table.setdefault(depth, []).append((a, b))
            return
        for d in np.unique(depth).tolist():
            mine = depth == d
            table.setdefault(d, []).append((a[mine], b[mine]))

    def piece(self, depth: int | np.ndarray, rows: np.ndarray, pieces: np.ndarray) -> None:
        """Chains ``rows`` have ``pieces`` at ``depth`` (0: their first piece)."""
        self._put(self.levels, depth, rows, pieces)

    def end(self, depth: int | np.ndarray, at: np.ndarray, rows: np.ndarray) -> None:
        """Occurrences ``at`` have the key of chains ``rows`` up to ``depth``."""
        self._put(self.ends, depth, at, rows)


class _Trie:
    """Candidate keys as nodes of a trie of key pieces (lemmas), built one level at a time.

    A key is its pieces joined by spaces; pieces hold no space (simplemma's lemmas of
    single tokens), so equal keys are equal piece sequences and get the same node. Should a
    piece ever hold one, :meth:`unify` merges the nodes by their key strings.
    """

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.size = max(len(names), 1)  # a node's code at its level: parent * size + piece
        self.levels: list[np.ndarray] = []  # sorted codes per level; node = offset + index
        self.offsets: list[int] = []
        self.by_string: dict[str, int] | None = None

    def build(self, chains: _Chains) -> np.ndarray:
        """The node of every occurrence of ``chains``."""
        parent = np.zeros(chains.rows, np.int64)  # the root is node 0
        nodes = np.zeros(chains.occurrences, np.int64)
        count = 1
        for depth in range(max(chains.levels, default=-1) + 1):
            rows, pieces = (np.concatenate(c) for c in zip(*chains.levels.pop(depth),
                                                             strict=True))
            codes, inverse = _compact(parent[rows] * self.size + pieces)
            parent[rows] = count + inverse
            self.levels.append(codes)
            self.offsets.append(count)
            count += len(codes)
            for at, of in chains.ends.pop(depth, ()):
                nodes[at] = parent[of]
        return nodes

    def find(self, key: str, ids: dict[str, int]) -> int | None:
        """The node of the key string ``key``, if some chain holds it."""
        if self.by_string is not None:
            return self.by_string.get(key)
        node = 0
        for depth, piece in enumerate(key.split(" ")):
            at = ids.get(piece)
            if at is None or depth >= len(self.levels):
                return None
            code = node * self.size + at
            level = self.levels[depth]
            i = int(np.searchsorted(level, code))
            if i == len(level) or level[i] != code:
                return None
            node = self.offsets[depth] + i
        return node

    def unify(self, nodes: np.ndarray) -> np.ndarray:
        """``nodes`` with the nodes of equal key strings made one (only needed when a piece
        holds a space: "a b" + "c" and "a" + "b c" are one key)."""
        parents, pieces = [0], [-1]
        for codes in self.levels:
            parents.extend((codes // self.size).tolist())
            pieces.extend((codes % self.size).tolist())
        strings: dict[int, str] = {0: ""}

        def text(node: int) -> str:
            path = []
            at = node
            while at not in strings:
                path.append(at)
                at = parents[at]
            for step in reversed(path):
                above = strings[parents[step]]
                name = self.names[pieces[step]]
                strings[step] = f"{above} {name}" if parents[step] else name
            return strings[node]

        self.by_string = {}
        distinct = np.unique(nodes).tolist()
        canonical = {node: self.by_string.setdefault(text(node), node) for node in distinct}
        return np.array([canonical[n] for n in nodes.tolist()], np.int64)
