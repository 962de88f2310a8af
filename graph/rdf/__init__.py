"""RDF stage: records to rdflib graphs under our ontology, serialised and validated.

Mapping only: ``mapping.py`` turns an :class:`~graph.records.Extraction` into the triples of
one named graph per article (``extraction_triples``), or an rdflib graph of them; ``iris.py``
mints stable, safe IRIs; ``nquads.py`` streams triples to N-Quads lines without building a
graph; ``serialize.py`` writes the formats; ``validate.py`` checks a graph against
``ontology/shapes.ttl`` with pySHACL.

>>> sorted(FORMATS)
['json-ld', 'nquads', 'nt', 'trig', 'turtle']
"""
from graph.rdf.mapping import extraction_to_graph, extraction_triples, to_dataset
from graph.rdf.nquads import nquads
from graph.rdf.serialize import FORMATS, write_graph
from graph.rdf.validate import validate

__all__ = ["extraction_to_graph", "extraction_triples", "to_dataset", "nquads", "FORMATS", "write_graph",
           "validate"]
