using System.Collections.Generic;
using Grok.Responses;

namespace Grok.Emulation;

/// <summary>A stored response, its input items (with ids) and the user texts of its whole conversation.</summary>
internal sealed record StoredResponse(GrokResponse Response, IReadOnlyList<ResponseInputItem> InputItems, IReadOnlyList<string> UserTexts);
