using Microsoft.AspNetCore.Http.Features;

namespace CustomerNeeds.Server.Grpc;

/// <summary>Puts a <see cref="FrameCheckingBodyReader"/> in front of the request body of every gRPC call.</summary>
internal static class GrpcFrameCheck
{
    public static IApplicationBuilder UseGrpcFrameCheck(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
            {
                context.Features.Set<IRequestBodyPipeFeature>(new CheckedBody(new FrameCheckingBodyReader(context.Request.BodyReader)));
            }

            return next(context);
        });

    private sealed class CheckedBody(FrameCheckingBodyReader reader) : IRequestBodyPipeFeature
    {
        public System.IO.Pipelines.PipeReader Reader => reader;
    }
}
