// Mono WCF client over HTTPS (Transport security) for wsbind's interop tests.
// Usage: mono MonoHttpsClient.exe basic|ws ADDRESS CA_PEM [CLIENT_PFX PASSWORD]
// Trusts the server certificate when it chains to CA_PEM and names the host (the test CA is not in
// Mono's store); with CLIENT_PFX, sends that client certificate (clientCredentialType Certificate).
// Calls Add(2, 3); prints "Add(2, 3) = 5" and OK, or the exception and FAILED (exit 1).
using System;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.ServiceModel;
using System.ServiceModel.Channels;

namespace Microsoft.ServiceModel.Samples
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            bool withCertificate = args.Length >= 5;
            var ca = new X509Certificate2(System.Text.Encoding.ASCII.GetBytes(System.IO.File.ReadAllText(args[2])));
            ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;
            ServicePointManager.ServerCertificateValidationCallback = (sender, certificate, chain, errors) =>
            {
                if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0) return false;
                var c = new X509Chain();
                c.ChainPolicy.ExtraStore.Add(ca);
                c.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                c.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
                if (!c.Build(new X509Certificate2(certificate))) return false;
                var root = c.ChainElements[c.ChainElements.Count - 1].Certificate;
                return root.Thumbprint == ca.Thumbprint;
            };
            Binding binding;
            if (args[0] == "ws")
            {
                var ws = new WSHttpBinding(SecurityMode.Transport);
                ws.Security.Transport.ClientCredentialType = withCertificate ? HttpClientCredentialType.Certificate : HttpClientCredentialType.None;
                binding = ws;
            }
            else
            {
                var basic = new BasicHttpBinding(BasicHttpSecurityMode.Transport);
                basic.Security.Transport.ClientCredentialType = withCertificate ? HttpClientCredentialType.Certificate : HttpClientCredentialType.None;
                binding = basic;
            }
            var factory = new ChannelFactory<ICalculator>(binding, new EndpointAddress(args[1]));
            if (withCertificate)
                factory.Credentials.ClientCertificate.Certificate = new X509Certificate2(args[3], args[4]);
            try
            {
                var calc = factory.CreateChannel();
                double r = calc.Add(2, 3);
                Console.WriteLine("Add(2, 3) = " + r);
                ((IClientChannel)calc).Close();
                Console.WriteLine(r == 5 ? "OK" : "FAILED");
                return r == 5 ? 0 : 1;
            }
            catch (Exception e)
            {
                for (var x = e; x != null; x = x.InnerException) Console.WriteLine(x.GetType().FullName + ": " + x.Message);
                Console.WriteLine("FAILED");
                return 1;
            }
        }
    }
}
