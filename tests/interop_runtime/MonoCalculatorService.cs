// Mono WCF calculator service for wsbind's interop tests: the WCF samples' ICalculator on
// basicHttpBinding (/calculator/basic) and wsHttpBinding with security None (/calculator/ws),
// and a string echo at /echo/basic and /echo/ws for the benchmarks.
// Usage: mono MonoCalculatorService.exe PORT   (prints READY when listening; serves until killed)
using System;
using System.ServiceModel;

namespace Microsoft.ServiceModel.Samples
{
    public class CalculatorService : ICalculator
    {
        public double Add(double n1, double n2) { return n1 + n2; }
        public double Subtract(double n1, double n2) { return n1 - n2; }
        public double Multiply(double n1, double n2) { return n1 * n2; }
        public double Divide(double n1, double n2) { return n1 / n2; }
    }

    // For wsbind's benchmarks (benchmarks/http): a 1 KB string echo.
    [ServiceContract(Namespace = "http://wsbind.test/bench")]
    public interface IEcho
    {
        [OperationContract] string Echo(string text);
    }

    public class EchoService : IEcho
    {
        public string Echo(string text) { return text; }
    }

    public static class Program
    {
        public static int Main(string[] args)
        {
            var port = int.Parse(args[0]);
            var baseAddress = new Uri("http://127.0.0.1:" + port + "/calculator");
            var host = new ServiceHost(typeof(CalculatorService), baseAddress);
            host.AddServiceEndpoint(typeof(ICalculator), new BasicHttpBinding(), "basic");
            host.AddServiceEndpoint(typeof(ICalculator), new WSHttpBinding(SecurityMode.None), "ws");
            host.Open();
            var echo = new ServiceHost(typeof(EchoService), new Uri("http://127.0.0.1:" + port + "/echo"));
            echo.AddServiceEndpoint(typeof(IEcho), new BasicHttpBinding(), "basic");
            echo.AddServiceEndpoint(typeof(IEcho), new WSHttpBinding(SecurityMode.None), "ws");
            echo.Open();
            Console.WriteLine("READY");
            Console.Out.Flush();
            System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); // until the test kills us
            return 0;
        }
    }
}
