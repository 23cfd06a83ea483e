"""Rings of waiting: initiatives that depend on each other in a circle, so none could ever start.

Below the store and the journey steps, because both the scheduler and the import check use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from strategy.errors import FieldError, InvalidInput


class DependencyCycle(InvalidInput):
    """Initiatives that wait for each other in a ring: none of them could ever start."""

    def __init__(self, cycle: Sequence[int], titles: Mapping[int, str]):
        self.cycle = list(cycle)
        super().__init__([FieldError("depends_on_ids", cycle_message(cycle, titles))])


def cycle_message(cycle: Sequence[int], titles: Mapping[int, str]) -> str:
    """'A' waits for 'B', which waits for 'A': the ring spelled out with every initiative in it."""
    names = [f"'{titles.get(task_id, f'initiative {task_id}')}'" for task_id in [*cycle, cycle[0]]]
    return "dependency cycle: " + " waits for ".join(names) + " — remove one of these dependencies"


def find_cycle(graph: Mapping[int, Iterable[int]]) -> list[int] | None:
    """One ring [a, b, …] where each waits for the next and the last for a; None if there is none.
    Edges to ids outside the graph are ignored."""
    state: dict[int, int] = {}  # 1 = on the current path, 2 = finished
    for root in sorted(graph):
        if state.get(root):
            continue
        path, stack = [root], [iter(sorted(graph[root]))]
        state[root] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif nxt in graph and state.get(nxt) == 1:
                return path[path.index(nxt) :]
            elif nxt in graph and not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(graph[nxt])))
    return None
