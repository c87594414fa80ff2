namespace ViberMessaging.SmsBy;

/// <summary>An image uploaded with a message (the <c>image</c> form-data file) instead of an image URL.</summary>
public sealed class SmsByImageFile
{
    /// <summary>Creates an image file.</summary>
    /// <param name="fileName">The file name sent to SMS.by, for example <c>offer.jpg</c>.</param>
    /// <param name="content">The image's bytes; they are sent as they are and must stay unchanged until the call returns.</param>
    /// <param name="contentType">The media type.</param>
    /// <exception cref="ArgumentException"><paramref name="fileName"/> or <paramref name="contentType"/> is empty.</exception>
    public SmsByImageFile(string fileName, ReadOnlyMemory<byte> content, string contentType = "image/jpeg")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        FileName = fileName;
        Content = content;
        ContentType = contentType;
    }

    /// <summary>The file name.</summary>
    public string FileName { get; }

    /// <summary>The image's bytes.</summary>
    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The media type.</summary>
    /// <value><c>image/jpeg</c> unless given.</value>
    public string ContentType { get; }

    /// <summary>Returns the file name, type and size.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{FileName} ({ContentType}, {Content.Length} bytes)";
}
