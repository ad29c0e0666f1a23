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
/// <c>?wsdl</c> (schemas imported from <c>?xsd=xsdN</c>), <c>?singleWsdl</c> (schemas inline), <c>?xsd=xsdN</c>; a
/// GET without any of them gets a line of text that points there. Addresses come from the request as this host sees it
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
        if (query.ContainsKey("wsdl")) return WriteAsync(http.Response, metadata.GetWsdl(endpoint.AddressFor(request), url, singleWsdl: false));
        if (query.ContainsKey("singleWsdl")) return WriteAsync(http.Response, metadata.GetWsdl(endpoint.AddressFor(request), url, singleWsdl: true));
        if (query.TryGetValue("xsd", out var xsd))
        {
            string value = xsd.ToString();
            XDocument? schema = value.StartsWith("xsd", StringComparison.OrdinalIgnoreCase) && int.TryParse(value.AsSpan(3), out int index)
                ? metadata.GetSchema(index, url)
                : null;
            return schema is null
                ? SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status404NotFound,
                    $"No schema '{value}': this endpoint has xsd0 to xsd{metadata.SchemaCount - 1}.")
                : WriteAsync(http.Response, schema);
        }

        return SoapHttp.WriteStatusAsync(http.Response, StatusCodes.Status200OK,
            $"SOAP service {endpoint.Dispatcher.ContractNames}: send messages with POST; its WSDL is at {url}?wsdl (schemas inline at {url}?singleWsdl).");
    }

    private static async Task WriteAsync(HttpResponse response, XDocument document)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/xml; charset=utf-8";
        await using XmlWriter writer = XmlWriter.Create(response.Body, Settings);
        await document.SaveAsync(writer, response.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
