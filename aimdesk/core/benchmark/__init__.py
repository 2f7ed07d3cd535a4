"""Protocol benchmarking: criteria catalogues (SMETA 6.1 4-pillar, the SVA baseline), a
member protocol's answers per criterion, its commonality score and verdict, and the
mutual-recognition status that follows from it."""
