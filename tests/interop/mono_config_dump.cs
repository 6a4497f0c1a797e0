// Copyright (c) wsbind developers. Distributed under the Boost Software License 1.0.
//
// mono_config_dump: Mono's System.ServiceModel configuration system, as an independent reading of
// <system.serviceModel>, printed in the JSON shape of `wsbind-config resolve --json`.
//
//   mono mono_config_dump.exe FILE...        one JSON object per line per file
//   mono mono_config_dump.exe --bench N FILE  loads FILE N times, prints milliseconds per load
//
// Each file is loaded as an exe configuration (ConfigurationManager.OpenMappedExeConfiguration);
// each section (bindings, behaviors, services, client) is read on its own, so a section Mono
// refuses does not hide the others. Settings are the configuration elements' properties under
// their XML names (defaults applied by Mono's configuration system), with the EFFECTIVE runtime
// value where the runtime binding can be built (`new BasicHttpBinding(); element.ApplyConfiguration`);
// Mono does not implement ApplyConfiguration for every binding (wsHttpBinding throws
// NotImplementedException), and then the element's values are used ("source":"element").

using System;
using System.Collections.Generic;
using System.Configuration;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Configuration;
using System.Text;
using System.Xml;

static class MonoConfigDump
{
    static string Quote(string s)
    {
        var b = new StringBuilder("\"");
        foreach (char c in s ?? "")
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                default:
                    if (c < 0x20) b.AppendFormat(CultureInfo.InvariantCulture, "\\u{0:x4}", (int)c);
                    else b.Append(c);
                    break;
            }
        }
        return b.Append('"').ToString();
    }

    /// The public static property of `type` whose value is `value` (a WCF "class factory" value:
    /// SecurityAlgorithmSuite, MessageSecurityVersion, MessageVersion, ReliableMessagingVersion,
    /// TransactionProtocol). `Default` is preferred when the value was not written.
    static string FactoryName(object value, bool written)
    {
        // SecurityAlgorithmSuite: wsbind prints `Default` for a suite that was not written (it is
        // applied only when written); the other factory types print the instance's own name.
        bool preferDefault = !written && value.GetType().FullName.StartsWith("System.ServiceModel.Security.SecurityAlgorithmSuite");
        string found = null;
        for (Type t = value.GetType(); t != null && t != typeof(object); t = t.BaseType)
        {
            foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Static))
            {
                object v;
                try { v = p.GetValue(null, null); } catch { continue; }
                if (v == null || (!ReferenceEquals(v, value) && !Equals(v, value))) continue;
                if (p.Name == "Default")
                {
                    if (preferDefault) return "Default";
                    if (found == null) found = "Default";
                    continue;
                }
                if (found == null || found == "Default") found = p.Name;
            }
            if (found != null) return found;
        }
        return "?" + value.GetType().Name;
    }

    static string Describe(Exception ex)
    {
        while (ex is TargetInvocationException && ex.InnerException != null) ex = ex.InnerException;
        var inner = ex;
        while (inner.InnerException != null) inner = inner.InnerException;
        string m = ex.GetType().Name + ": " + ex.Message;
        if (!ReferenceEquals(inner, ex)) m += " (" + inner.GetType().Name + ": " + inner.Message + ")";
        return m;
    }

    static string Format(object v, bool written)
    {
        if (v == null) return "";
        if (v is bool) return (bool)v ? "true" : "false";
        if (v is TimeSpan) return (TimeSpan)v == TimeSpan.MaxValue ? "Infinite" : ((TimeSpan)v).ToString();
        if (v is Enum) return v.ToString();
        if (v is Encoding) return ((Encoding)v).WebName;
        if (v is Uri) return ((Uri)v).OriginalString;
        if (v is string) return (string)v;
        if (v is int || v is long) return Convert.ToString(v, CultureInfo.InvariantCulture);
        string ns = v.GetType().Namespace ?? "";
        if (ns.StartsWith("System.ServiceModel")) return FactoryName(v, written);
        return Convert.ToString(v, CultureInfo.InvariantCulture);
    }

    /// Every property of a configuration element and of its child elements, keyed by XML path.
    static void Walk(ConfigurationElement el, string prefix, List<KeyValuePair<string, string>> output)
    {
        foreach (PropertyInformation pi in el.ElementInformation.Properties)
        {
            object v;
            try { v = pi.Value; } catch (Exception e) { output.Add(new KeyValuePair<string, string>(prefix + pi.Name, "!" + e.GetType().Name)); continue; }
            if (pi.Name == "name" && prefix.Length == 0) continue;
            if (v is ConfigurationElementCollection)
            {
                if (pi.Name == "customServiceNames")
                {
                    var names = new List<string>();
                    foreach (ConfigurationElement item in (ConfigurationElementCollection)v)
                        foreach (PropertyInformation ip in item.ElementInformation.Properties)
                            if (ip.Name == "name") names.Add(Convert.ToString(ip.Value));
                    output.Add(new KeyValuePair<string, string>(prefix + pi.Name, string.Join(";", names.ToArray())));
                }
                continue;
            }
            if (v is ConfigurationElement) { Walk((ConfigurationElement)v, prefix + pi.Name + "/", output); continue; }
            output.Add(new KeyValuePair<string, string>(prefix + pi.Name, Format(v, pi.ValueOrigin == PropertyValueOrigin.SetHere)));
        }
    }

    static void Set(List<KeyValuePair<string, string>> s, string key, object value)
    {
        for (int i = 0; i < s.Count; ++i)
            if (s[i].Key == key) { s[i] = new KeyValuePair<string, string>(key, Format(value, true)); return; }
    }

    static void Quotas(List<KeyValuePair<string, string>> s, string prefix, XmlDictionaryReaderQuotas q)
    {
        Set(s, prefix + "readerQuotas/maxDepth", q.MaxDepth);
        Set(s, prefix + "readerQuotas/maxStringContentLength", q.MaxStringContentLength);
        Set(s, prefix + "readerQuotas/maxArrayLength", q.MaxArrayLength);
        Set(s, prefix + "readerQuotas/maxBytesPerRead", q.MaxBytesPerRead);
        Set(s, prefix + "readerQuotas/maxNameTableCharCount", q.MaxNameTableCharCount);
    }

    /// readerQuotas read from an element: 0 means "keep the default" (Mono's own defaults).
    static void ElementQuotas(List<KeyValuePair<string, string>> s, string prefix)
    {
        var d = new XmlDictionaryReaderQuotas();
        string[] names = { "maxDepth", "maxStringContentLength", "maxArrayLength", "maxBytesPerRead", "maxNameTableCharCount" };
        int[] values = { d.MaxDepth, d.MaxStringContentLength, d.MaxArrayLength, d.MaxBytesPerRead, d.MaxNameTableCharCount };
        for (int i = 0; i < names.Length; ++i)
            for (int k = 0; k < s.Count; ++k)
                if (s[k].Key == prefix + "readerQuotas/" + names[i] && s[k].Value == "0")
                    s[k] = new KeyValuePair<string, string>(s[k].Key, values[i].ToString(CultureInfo.InvariantCulture));
    }

    static string Object(List<KeyValuePair<string, string>> s)
    {
        var b = new StringBuilder("{");
        for (int i = 0; i < s.Count; ++i)
        {
            if (i > 0) b.Append(',');
            b.Append(Quote(s[i].Key)).Append(':').Append(Quote(s[i].Value));
        }
        return b.Append('}').ToString();
    }

    static string Binding(string section, IBindingConfigurationElement e)
    {
        var s = new List<KeyValuePair<string, string>>();
        string source = "element";
        var custom = e as CustomBindingElement;
        Walk((ConfigurationElement)e, "", s);
        if (custom != null)
            foreach (BindingElementExtensionElement x in custom)
                Walk(x, x.ConfigurationElementName + "/", s);
        ElementQuotas(s, "");
        ElementQuotas(s, "textMessageEncoding/");
        // The runtime binding, where Mono builds it.
        try
        {
            if (e is BasicHttpBindingElement)
            {
                var b = new BasicHttpBinding();
                e.ApplyConfiguration(b);
                Quotas(s, "", b.ReaderQuotas);
                Set(s, "maxBufferSize", b.MaxBufferSize);
                Set(s, "maxReceivedMessageSize", b.MaxReceivedMessageSize);
                Set(s, "security/mode", b.Security.Mode);
                Set(s, "security/transport/clientCredentialType", b.Security.Transport.ClientCredentialType);
                Set(s, "security/message/clientCredentialType", b.Security.Message.ClientCredentialType);
                source = "runtime";
            }
            else if (e is NetTcpBindingElement)
            {
                var b = new NetTcpBinding();
                e.ApplyConfiguration(b);
                Quotas(s, "", b.ReaderQuotas);
                Set(s, "maxBufferSize", b.MaxBufferSize);
                Set(s, "maxReceivedMessageSize", b.MaxReceivedMessageSize);
                Set(s, "security/mode", b.Security.Mode);
                Set(s, "security/transport/clientCredentialType", b.Security.Transport.ClientCredentialType);
                Set(s, "security/message/clientCredentialType", b.Security.Message.ClientCredentialType);
                Set(s, "reliableSession/enabled", b.ReliableSession.Enabled);
                Set(s, "reliableSession/ordered", b.ReliableSession.Ordered);
                Set(s, "reliableSession/inactivityTimeout", b.ReliableSession.InactivityTimeout);
                source = "runtime";
            }
            else if (e is WSHttpBindingElement || e is WS2007HttpBindingElement || e is WSDualHttpBindingElement)
            {
                Binding b = e is WSHttpBindingElement ? (Binding)new WSHttpBinding()
                          : e is WS2007HttpBindingElement ? (Binding)new WS2007HttpBinding() : new WSDualHttpBinding();
                e.ApplyConfiguration(b);
                source = "runtime";
            }
            else if (custom != null)
            {
                var b = new CustomBinding();
                e.ApplyConfiguration(b);
                foreach (BindingElement be in b.Elements)
                {
                    var text = be as TextMessageEncodingBindingElement;
                    if (text != null) Quotas(s, "textMessageEncoding/", text.ReaderQuotas);
                    var http = be as HttpTransportBindingElement;
                    if (http != null)
                    {
                        string p = be is HttpsTransportBindingElement ? "httpsTransport/" : "httpTransport/";
                        Set(s, p + "maxBufferSize", http.MaxBufferSize);
                        Set(s, p + "maxReceivedMessageSize", http.MaxReceivedMessageSize);
                        Set(s, p + "transferMode", http.TransferMode);
                    }
                }
                source = "runtime";
            }
        }
        catch (Exception ex)
        {
            source = "element (" + ex.GetType().Name + ")";
        }
        return "{\"type\":" + Quote(section) + ",\"name\":" + Quote(e.Name) + ",\"source\":" + Quote(source) + ",\"settings\":" + Object(s) + "}";
    }

    static string Endpoint(ConfigurationElement e)
    {
        var s = new List<KeyValuePair<string, string>>();
        foreach (PropertyInformation pi in e.ElementInformation.Properties)
        {
            object v = pi.Value;
            if (pi.Name == "identity" && v is ConfigurationElement) { Walk((ConfigurationElement)v, "identity/", s); continue; }
            if (v is ConfigurationElement) continue;
            s.Add(new KeyValuePair<string, string>(pi.Name, Format(v, pi.ValueOrigin == PropertyValueOrigin.SetHere)));
        }
        return Object(s);
    }

    static string Dump(string file)
    {
        var map = new ExeConfigurationFileMap();
        map.ExeConfigFilename = file;
        var errors = new List<KeyValuePair<string, string>>();
        Configuration cfg;
        ServiceModelSectionGroup g;
        try
        {
            cfg = ConfigurationManager.OpenMappedExeConfiguration(map, ConfigurationUserLevel.None);
            g = ServiceModelSectionGroup.GetSectionGroup(cfg);
        }
        catch (Exception ex)
        {
            return "{\"file\":" + Quote(file) + ",\"load_error\":" + Quote(Describe(ex)) + "}";
        }
        var bindings = new List<string>();
        var behaviors = new List<string>();
        var services = new List<string>();
        var client = new List<string>();
        if (g == null) return "{\"file\":" + Quote(file) + ",\"load_error\":\"no system.serviceModel\"}";
        try
        {
            foreach (BindingCollectionElement bc in g.Bindings.BindingCollections)
            {
                // One binding type Mono cannot load (e.g. netMsmqBinding) does not hide the others.
                try
                {
                    foreach (IBindingConfigurationElement e in bc.ConfiguredBindings)
                    {
                        try { bindings.Add(Binding(bc.BindingName, e)); }
                        catch (Exception ex) { errors.Add(new KeyValuePair<string, string>("bindings/" + bc.BindingName + "/" + e.Name, Describe(ex))); }
                    }
                }
                catch (Exception ex)
                {
                    if (bc.ConfiguredBindings == null) continue;
                    errors.Add(new KeyValuePair<string, string>("bindings/" + bc.BindingName, Describe(ex)));
                }
            }
        }
        catch (Exception ex) { errors.Add(new KeyValuePair<string, string>("bindings", Describe(ex))); }
        try
        {
            foreach (ServiceBehaviorElement b in g.Behaviors.ServiceBehaviors)
            {
                var s = new List<KeyValuePair<string, string>>();
                foreach (BehaviorExtensionElement x in b)
                    if (x.ConfigurationElementName == "serviceCredentials") Walk(x, "serviceCredentials/", s);
                behaviors.Add("{\"kind\":\"service\",\"name\":" + Quote(b.Name) + ",\"settings\":" + Object(s) + "}");
            }
            foreach (EndpointBehaviorElement b in g.Behaviors.EndpointBehaviors)
            {
                var s = new List<KeyValuePair<string, string>>();
                foreach (BehaviorExtensionElement x in b)
                    if (x.ConfigurationElementName == "clientCredentials") Walk(x, "clientCredentials/", s);
                behaviors.Add("{\"kind\":\"endpoint\",\"name\":" + Quote(b.Name) + ",\"settings\":" + Object(s) + "}");
            }
        }
        catch (Exception ex) { errors.Add(new KeyValuePair<string, string>("behaviors", Describe(ex))); }
        try
        {
            foreach (ServiceElement svc in g.Services.Services)
            {
                var eps = new List<string>();
                foreach (ServiceEndpointElement e in svc.Endpoints) eps.Add(Endpoint(e));
                services.Add("{\"name\":" + Quote(svc.Name) + ",\"behaviorConfiguration\":" + Quote(svc.BehaviorConfiguration) +
                             ",\"endpoints\":[" + string.Join(",", eps.ToArray()) + "]}");
            }
        }
        catch (Exception ex) { errors.Add(new KeyValuePair<string, string>("services", Describe(ex))); }
        try
        {
            foreach (ChannelEndpointElement e in g.Client.Endpoints) client.Add(Endpoint(e));
        }
        catch (Exception ex) { errors.Add(new KeyValuePair<string, string>("client", Describe(ex))); }
        return "{\"file\":" + Quote(file) + ",\"bindings\":[" + string.Join(",", bindings.ToArray()) + "],\"behaviors\":[" +
               string.Join(",", behaviors.ToArray()) + "],\"services\":[" + string.Join(",", services.ToArray()) + "],\"client\":[" +
               string.Join(",", client.ToArray()) + "],\"errors\":" + Object(errors) + "}";
    }

    static int Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--bench")
        {
            int n = int.Parse(args[1], CultureInfo.InvariantCulture);
            Dump(args[2]); // warm-up
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < n; ++i) Dump(args[2]);
            Console.WriteLine((watch.Elapsed.TotalMilliseconds / n).ToString("0.###", CultureInfo.InvariantCulture));
            return 0;
        }
        if (args.Length == 0) { Console.Error.WriteLine("usage: mono_config_dump FILE... | --bench N FILE"); return 2; }
        foreach (string f in args) Console.WriteLine(Dump(f));
        return 0;
    }
}
