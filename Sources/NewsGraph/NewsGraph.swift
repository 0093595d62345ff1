import Annotation
import Corpus
import Export
import Graph
import Store

/// PLACEHOLDER facade.
public enum NewsGraphFacade {}
