"""RDF stage: records to rdflib graphs under our ontology, serialised and validated.

Mapping only: ``mapping.py`` turns an :class:`~graph.records.Extraction` into one named graph
per article; ``iris.py`` mints stable, safe IRIs; ``serialize.py`` writes the formats;
``validate.py`` checks a graph against ``ontology/shapes.ttl`` with pySHACL.

>>> sorted(FORMATS)
['json-ld', 'nquads', 'nt', 'trig', 'turtle']
"""
from graph.rdf.mapping import extraction_to_graph, to_dataset
from graph.rdf.serialize import FORMATS, write_graph
from graph.rdf.validate import validate

__all__ = ["extraction_to_graph", "to_dataset", "FORMATS", "write_graph", "validate"]
