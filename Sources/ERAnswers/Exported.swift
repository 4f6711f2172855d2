// The model's types (entities, dates, money, kinds) are the vocabulary every answer speaks, so
// users of the presentation layer get them with it; of the Graphviz bridge, only the names of
// layouts and image formats a drawing request takes.
@_exported import ERGraph
@_exported import enum ERRender.GraphvizLayout
@_exported import enum ERRender.GraphvizFormat
@_exported import struct ERFormats.NodeLinkKeys
@_exported import struct ERFormats.ImportProgress
