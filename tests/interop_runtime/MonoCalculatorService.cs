// Mono WCF calculator service for wsbind's interop tests: the WCF samples' ICalculator on
// basicHttpBinding (/basic) and wsHttpBinding with security None (/ws).
// Usage: mono MonoCalculatorService.exe PORT   (prints READY when listening; serves until killed)
using System;
using System.ServiceModel;

namespace Microsoft.ServiceModel.Samples
{
    [ServiceContract(Namespace = "http://Microsoft.ServiceModel.Samples")]
    public interface ICalculator
    {
        [OperationContract] double Add(double n1, double n2);
        [OperationContract] double Subtract(double n1, double n2);
        [OperationContract] double Multiply(double n1, double n2);
        [OperationContract] double Divide(double n1, double n2);
    }

    public class CalculatorService : ICalculator
    {
        public double Add(double n1, double n2) { return n1 + n2; }
        public double Subtract(double n1, double n2) { return n1 - n2; }
        public double Multiply(double n1, double n2) { return n1 * n2; }
        public double Divide(double n1, double n2) { return n1 / n2; }
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
            Console.WriteLine("READY");
            Console.Out.Flush();
            System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); // until the test kills us
            return 0;
        }
    }
}
