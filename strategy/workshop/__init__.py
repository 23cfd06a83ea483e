"""Workshop: live participation from phones — join codes, contributions, dot votes, the projector's board."""
