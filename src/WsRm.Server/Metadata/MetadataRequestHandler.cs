using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using WsRm.Protocol.Metadata;
using WsRm.Server.Hosting;

namespace WsRm.Server.Metadata;

/// <summary>
/// Answers GET on an endpoint that publishes metadata, as WCF's <c>serviceMetadata httpGetEnabled</c> does:
/// <c>?wsdl</c> (schemas imported from <c>?xsd=xsdN</c>, contracts of further namespaces from <c>?wsdl=wsdlN</c>),
/// <c>?singleWsdl</c> (schemas inline; 501 when the contracts span namespaces, as WCF refuses it), <c>?xsd=xsdN</c>;
/// a GET without any of them gets a line of text that points there. Addresses come from the request as this host sees it
/// (scheme, host, PathBase, path: what UseForwardedHeaders made of X-Forwarded-*), the ports' from the endpoint's
/// <see cref="ServiceEndpoint.AddressFor"/>.
/// </summary>
internal static class MetadataRequestHandler
{
    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = new UTF8Encoding(false), Async = true };

    public static Task HandleAsync(HttpContext http, ServiceEndpoint endpoint, ServiceMetadata metadata)
    {
        HttpRequest request = http.Request;
        string url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path);
        IQueryCollection query = request.Query;
        if (query.TryGetValue("wsdl", out var wsdl))
        {
            string value = wsdl.ToString();
            if (value.Length == 0) return WriteAsync(http.Response, metadata.GetWsdl(endpoint.AddressFor(request), url, singleWsdl: false));
            return Index(value, "wsdl") is { } index && metadata.GetImportedWsdl(index, url) is { } imported
                ? WriteAsync(http.Response, imported)
                : SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status404NotFound,
                    $"No WSDL '{value}': this endpoint has {metadata.ImportedWsdlCount} imported WSDL documents (wsdl0, …).");
        }

        if (query.ContainsKey("singleWsdl"))
        {
            try
            {
                return WriteAsync(http.Response, metadata.GetWsdl(endpoint.AddressFor(request), url, singleWsdl: true));
            }
            catch (NotSupportedException e)
            {
                return SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status501NotImplemented, e.Message);
            }
        }

        if (query.TryGetValue("xsd", out var xsd))
        {
            string value = xsd.ToString();
            return Index(value, "xsd") is { } index && metadata.GetSchema(index, url) is { } schema
                ? WriteAsync(http.Response, schema)
                : SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status404NotFound,
                    $"No schema '{value}': this endpoint has xsd0 to xsd{metadata.SchemaCount - 1}.");
        }

        return SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status200OK,
            $"SOAP service {endpoint.Dispatcher.ContractNames}: send messages with POST; its WSDL is at {url}?wsdl (schemas inline at {url}?singleWsdl).");
    }

    // "xsd3" → 3 for the prefix "xsd"; null when the value is anything else.
    private static int? Index(string value, string prefix) =>
        value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(value.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
            ? index : null;

    private static async Task WriteAsync(HttpResponse response, XDocument document)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/xml; charset=utf-8";
        await using XmlWriter writer = XmlWriter.Create(response.Body, Settings);
        await document.SaveAsync(writer, response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
