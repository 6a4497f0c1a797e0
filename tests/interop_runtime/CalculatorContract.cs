// The WCF samples' calculator contract, compiled into each Mono program of wsbind's interop tests.
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
}
